package dev.tandem.feedback.checkin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signed check-in links. A token is {@code <checkInId>.<signature>}, the signature being the unpadded base64url
 * HMAC-SHA256 of the id under the signing key. Only someone who received the link can produce the token, and
 * it opens that one check-in only; nothing but the id is stored, since the token can always be recomputed.
 * <p>
 * A token is a credential: it must never appear in a log line or an error message.
 */
@Component
class CheckInLinks {

    private static final Logger log = LoggerFactory.getLogger(CheckInLinks.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAXIMUM_TOKEN_LENGTH = 200;

    private final SecretKeySpec key;
    private final String baseUrl;

    CheckInLinks(CheckInProperties properties) {
        this.key = new SecretKeySpec(properties.signingKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.baseUrl = properties.linkBaseUrl();
        if (properties.usesDevelopmentKey()) {
            log.warn("Check-in links are signed with the default development key: anyone can forge"
                    + " them. Set tandem.feedback.check-in.signing-key (TANDEM_FEEDBACK_CHECKIN_SIGNINGKEY) to a"
                    + " secret of at least 32 characters outside development.");
        }
    }

    /** The link a customer follows to answer the check-in. */
    String linkTo(String checkInId) {
        return baseUrl + "/check-ins/" + tokenFor(checkInId);
    }

    String tokenFor(String checkInId) {
        return checkInId + "." + signature(checkInId);
    }

    /**
     * The check-in id a token grants access to, if its signature is ours.
     *
     * @return empty for a malformed token, a signature of another id, or one made with another key
     */
    Optional<String> verify(String token) {
        if (token == null || token.length() > MAXIMUM_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
            return Optional.empty();
        }
        String checkInId = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(checkInId).getBytes(StandardCharsets.US_ASCII);
        // constant time, so that response times do not reveal how much of a guessed signature was right
        return MessageDigest.isEqual(given, expected) ? Optional.of(checkInId) : Optional.empty();
    }

    private String signature(String checkInId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe; making one is cheap
            mac.init(key);
            byte[] digest = mac.doFinal(checkInId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime provides " + ALGORITHM, e);
        }
    }
}
