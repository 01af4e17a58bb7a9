package dev.tandem.feedback.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckInLinksTest {

    static final String KEY = "a-test-signing-key-of-32-bytes-or-more";

    private final CheckInLinks links = new CheckInLinks(
            new CheckInProperties("https://feedback.example.com/", KEY, Duration.ofDays(14)));

    @Test
    void aLinkCarriesATokenThatOpensItsOwnCheckIn() {
        String link = links.linkTo("check-in-1");

        assertThat(link).matches("https://feedback\\.example\\.com/check-ins/check-in-1\\.[A-Za-z0-9_-]{43}");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(links.verify(token)).contains("check-in-1");
    }

    @Test
    void theSameIdAlwaysGetsTheSameToken() {
        assertThat(links.tokenFor("check-in-1")).isEqualTo(links.tokenFor("check-in-1"))
                .isNotEqualTo(links.tokenFor("check-in-2"));
    }

    @Test
    void rejectsATamperedSignature() {
        String token = links.tokenFor("check-in-1");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(links.verify(tampered)).isEmpty();
    }

    @Test
    void rejectsTheSignatureOfOneCheckInOnAnother() {
        String signature = links.tokenFor("check-in-1").split("\\.")[1];

        assertThat(links.verify("check-in-2." + signature)).isEmpty();
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        CheckInLinks forged = new CheckInLinks(new CheckInProperties("https://feedback.example.com",
                "somebody-elses-key-that-is-long-enough", Duration.ofDays(14)));

        assertThat(links.verify(forged.tokenFor("check-in-1"))).isEmpty();
    }

    @Test
    void rejectsATokenWithPaddingOrASignatureCutShort() {
        String token = links.tokenFor("check-in-1");

        assertThat(links.verify(token + "=")).isEmpty();
        assertThat(links.verify(token.substring(0, token.length() - 1))).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"check-in-1", "check-in-1.", ".c2lnbmF0dXJl", "a.b.c", "check-in-1.not base64!"})
    void rejectsAMalformedToken(String token) {
        assertThat(links.verify(token)).isEmpty();
    }

    @Test
    void rejectsAnOverlongToken() {
        assertThat(links.verify("x".repeat(10_000) + ".abc")).isEmpty();
    }
}
