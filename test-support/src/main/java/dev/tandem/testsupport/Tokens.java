package dev.tandem.testsupport;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.tandem.issuer.LocalIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Access tokens for tests, from the issuer the services under test trust ({@link RealInfrastructure#issuer()}),
 * and tokens with one thing wrong each, which every API must refuse with 401.
 */
public final class Tokens {

    /** The subject of {@link #supervisor()}. */
    public static final String SUPERVISOR = "supervisor-1";
    /** The subject of {@link #operator()}. */
    public static final String OPERATOR = "operator-1";

    private Tokens() {
    }

    public static String customer(String customerId) {
        return issuer().mint(customerId, List.of("customer"), null);
    }

    public static String agent(String agentId, String name) {
        return issuer().mint(agentId, List.of("agent"), name);
    }

    public static String supervisor() {
        return issuer().mint(SUPERVISOR, List.of("supervisor"), "Sam Supervisor");
    }

    public static String operator() {
        return issuer().mint(OPERATOR, List.of("operator"), "Olu Operator");
    }

    /**
     * Every kind of bad token an API must refuse with 401, by what is wrong with it: expired, wrong issuer, wrong
     * audience, {@code alg: none}, bad signature, unknown key id, not a JWT at all.
     */
    public static Map<String, String> forged(String role) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", expired(role));
        tokens.put("wrong issuer", wrongIssuer(role));
        tokens.put("wrong audience", wrongAudience(role));
        tokens.put("alg none", unsigned(role));
        tokens.put("bad signature", badSignature());
        tokens.put("unknown key id", unknownKey(role));
        tokens.put("not a JWT", "not-a-token");
        return tokens;
    }

    /** A token that expired an hour ago, well beyond any allowed clock skew. */
    public static String expired(String role) {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        return issuer().sign(claims(role).issueTime(Date.from(anHourAgo.minus(Duration.ofHours(1))))
                .notBeforeTime(Date.from(anHourAgo.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(anHourAgo)).build());
    }

    /** A well-signed token from an issuer the services do not trust. */
    public static String wrongIssuer(String role) {
        return issuer().sign(claims(role).issuer("https://issuer.example.com").build());
    }

    /** A well-signed token meant for another API. */
    public static String wrongAudience(String role) {
        return issuer().sign(claims(role).audience("another-api").build());
    }

    /** An unsigned token ({@code "alg": "none"}) with claims that would otherwise pass. */
    public static String unsigned(String role) {
        return new PlainJWT(claims(role).build()).serialize();
    }

    /** A token whose payload was changed after signing: a customer who made themselves a supervisor. */
    public static String badSignature() {
        String genuine = customer("mallory");
        String[] parts = genuine.split("\\.");
        String forgedPayload = issuer().sign(claims("supervisor").subject("mallory").build()).split("\\.")[1];
        return parts[0] + "." + forgedPayload + "." + parts[2];
    }

    /** A token signed by a key that is not in the issuer's key set, under a key id nobody published. */
    public static String unknownKey(String role) {
        RSAKey stranger = LocalIssuer.newKey();
        return LocalIssuer.sign(claims(role).build(), stranger);
    }

    private static JWTClaimsSet.Builder claims(String role) {
        return issuer().claims("someone", List.of(role), null, Duration.ofMinutes(10));
    }

    private static LocalIssuer issuer() {
        return RealInfrastructure.get().issuer();
    }
}
