package dev.tandem.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the access tokens it has already verified, so that a client sending the same token with every call
 * (which is what clients do, for the token's whole lifetime) costs one signature check, not one per call.
 * <p>
 * The cache is keyed by the whole token, signature included: only the exact bytes that passed every check of the
 * wrapped decoder (signature, issuer, audience, lifetime) are answered from it, and only until the token expires.
 * Anything else, and every token the decoder refused, goes to the decoder every time. An entry is kept at most
 * {@link #MAX_AGE}, so that a key the issuer withdraws stops being accepted within that time even for tokens
 * verified before.
 */
final class VerifiedTokens implements JwtDecoder {

    /** How long a verified token is taken on trust before it is verified again. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** How many tokens are remembered at most; the least recently used go first. */
    static final long MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(MAX_AGE)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && stillValid(known)) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (stillValid(jwt)) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    // a token without an expiry is never taken from the cache: the decoder judges it each time
    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }
}
