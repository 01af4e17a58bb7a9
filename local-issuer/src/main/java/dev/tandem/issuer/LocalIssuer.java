package dev.tandem.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer for local runs and tests: an RSA key of its own, published as a JWK set, and signed access tokens
 * for whoever asks. It checks nobody's password, so it must never be what a production service trusts; there the
 * services take a real identity provider's issuer and JWK set by configuration.
 *
 * <p>Tokens carry {@code iss}, {@code aud} ({@value #AUDIENCE}), {@code sub}, {@code roles}, optionally
 * {@code name}, {@code iat}, {@code exp} and {@code jti}, signed RS256 with the key id in the header.
 */
public final class LocalIssuer {

    /** The audience every Tandem API expects. */
    public static final String AUDIENCE = "tandem";
    /** How long a token lives unless asked otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    private final String issuer;
    private final RSAKey key;
    private final Clock clock;

    private LocalIssuer(String issuer, RSAKey key, Clock clock) {
        this.issuer = issuer;
        this.key = key;
        this.clock = clock;
    }

    /** An issuer with a fresh key, for a test run. */
    public static LocalIssuer withNewKey(String issuer) {
        return new LocalIssuer(issuer, newKey(), Clock.systemUTC());
    }

    /**
     * An issuer whose key is kept in a file, created on first use, so that tokens handed out before a restart stay
     * valid after it.
     */
    public static LocalIssuer withKeyIn(Path keyFile, String issuer) {
        try {
            if (Files.notExists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Files.writeString(keyFile, newKey().toJSONString());
                restrictToOwner(keyFile);
            }
            return new LocalIssuer(issuer, RSAKey.parse(Files.readString(keyFile)), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the local issuer's key " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The local issuer's key file " + keyFile + " is not a JWK; delete it to"
                    + " have a new key made", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** Where a resource server finds the public key, relative to the issuer: {@code <issuer>/jwks.json}. */
    public String jwkSetUri() {
        return issuer + "/jwks.json";
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The public half of the key, as a JWK set document. */
    public String jwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A signed access token for the given subject, roles and display name, valid for the default lifetime. */
    public String mint(String subject, List<String> roles, String name) {
        return mint(subject, roles, name, DEFAULT_LIFETIME);
    }

    public String mint(String subject, List<String> roles, String name, Duration lifetime) {
        return sign(claims(subject, roles, name, lifetime).build());
    }

    /** The claims of a token this issuer would mint, for tests that change one of them before signing. */
    public JWTClaimsSet.Builder claims(String subject, List<String> roles, String name, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        if (name != null && !name.isBlank()) {
            claims.claim("name", name);
        }
        return claims;
    }

    /** Signs any claims with this issuer's key: for tests that need a token with something wrong in it. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** Signs claims with the given key, naming its key id in the header. */
    public static String sign(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** A new 2048-bit RSA signing key with a random key id. */
    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA key", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the data directory's own protection applies
        }
    }
}
