package dev.tandem.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.Channel;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void anEmailAddressKeepsItsFirstLetterAndItsDomain() {
        assertThat(Masking.email("ada@example.com")).isEqualTo("a***@example.com");
        assertThat(Masking.email("grace.hopper+support@navy.example")).isEqualTo("g***@navy.example");
    }

    @Test
    void aPhoneNumberKeepsItsCountryCodeAndLastThreeDigits() {
        assertThat(Masking.phone("+447700900123")).isEqualTo("+44*******123");
        assertThat(Masking.phone("+15005550006")).isEqualTo("+15******006");
    }

    @Test
    void whatDoesNotLookLikeAnAddressIsHiddenCompletely() {
        assertThat(Masking.email("not-an-address")).isEqualTo("***");
        assertThat(Masking.email("@example.com")).isEqualTo("***");
        assertThat(Masking.phone("+4412")).isEqualTo("***");
        assertThat(Masking.email(null)).isNull();
    }

    @Test
    void theChannelDecidesHowAnAddressIsMasked() {
        assertThat(Masking.address(Channel.SMS, "+447700900123")).isEqualTo("+44*******123");
        assertThat(Masking.address(Channel.EMAIL, "ada@example.com")).isEqualTo("a***@example.com");
    }

    @Test
    void aContactNeverPrintsItsAddresses() {
        Contact contact = new Contact("Ada", "ada@example.com", "+447700900123", Channel.SMS);

        assertThat(contact.toString()).doesNotContain("ada@example.com").doesNotContain("7700900")
                .contains("a***@example.com").contains("+44*******123");
    }
}
