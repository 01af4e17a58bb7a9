package dev.tandem.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final RecordingDecoder issuer = new RecordingDecoder();
    private final VerifiedTokens tokens = new VerifiedTokens(issuer, clock);

    @Test
    void aTokenIsVerifiedOnceAndThenKnown() {
        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(issuer.verified).containsExactly("token-a");
    }

    @Test
    void everyOtherTokenIsVerifiedByTheIssuersKeys() {
        tokens.decode("token-a");
        tokens.decode("token-b");
        tokens.decode("token-a.with-another-signature");

        assertThat(issuer.verified).containsExactly("token-a", "token-b", "token-a.with-another-signature");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(issuer.verified).containsExactly("forged", "forged");
    }

    @Test
    void anExpiredTokenGoesBackToTheDecoder() {
        tokens.decode("token-a");
        clock.advance(RecordingDecoder.LIFETIME.plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(issuer.verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aKnownTokenIsVerifiedAgainAfterTheMaximumAge() {
        issuer.lifetime = Duration.ofHours(1);
        tokens.decode("token-a");
        clock.advance(VerifiedTokens.MAX_AGE.plusSeconds(1));

        tokens.decode("token-a");

        assertThat(issuer.verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aTokenWithoutExpiryIsNeverTakenOnTrust() {
        issuer.lifetime = null;
        tokens.decode("token-a");
        tokens.decode("token-a");

        assertThat(issuer.verified).containsExactly("token-a", "token-a");
    }

    /** Stands in for the issuer's decoder: accepts any token but "forged", issued at the start. */
    private final class RecordingDecoder implements JwtDecoder {

        static final Duration LIFETIME = Duration.ofMinutes(2);

        final List<String> verified = new ArrayList<>();
        Duration lifetime = LIFETIME;

        @Override
        public Jwt decode(String token) {
            verified.add(token);
            if (token.equals("forged") || (lifetime != null && !clock.instant().isBefore(START.plus(lifetime)))) {
                throw new BadJwtException("refused");
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("ada").issuedAt(START);
            return (lifetime == null ? jwt : jwt.expiresAt(START.plus(lifetime))).build();
        }
    }
}
