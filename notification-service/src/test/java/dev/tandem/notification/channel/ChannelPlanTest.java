package dev.tandem.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.Channel;
import org.junit.jupiter.api.Test;

class ChannelPlanTest {

    @Test
    void aCustomerWhoPrefersSmsGetsAnSmsAndEmailAsTheFallback() {
        assertThat(ChannelPlan.forContact(contact("+447700900123", Channel.SMS)))
                .containsExactly(Channel.SMS, Channel.EMAIL);
    }

    @Test
    void aCustomerWhoPrefersEmailGetsAnEmailAndSmsAsTheFallbackWhenTheyGaveAPhone() {
        assertThat(ChannelPlan.forContact(contact("+447700900123", Channel.EMAIL)))
                .containsExactly(Channel.EMAIL, Channel.SMS);
    }

    @Test
    void withoutAPhoneNumberEmailIsTheOnlyChannel() {
        assertThat(ChannelPlan.forContact(contact(null, Channel.EMAIL))).containsExactly(Channel.EMAIL);
        assertThat(ChannelPlan.forContact(contact(" ", Channel.SMS))).containsExactly(Channel.EMAIL);
    }

    @Test
    void noPreferenceMeansEmailFirst() {
        assertThat(ChannelPlan.forContact(contact("+447700900123", null)))
                .containsExactly(Channel.EMAIL, Channel.SMS);
    }

    private static Contact contact(String phone, Channel preferred) {
        return new Contact("Ada", "ada@example.com", phone, preferred);
    }
}
