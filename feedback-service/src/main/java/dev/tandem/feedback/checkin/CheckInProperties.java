package dev.tandem.feedback.checkin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How check-in links are made; the defaults and their documentation are in {@code application.yaml}.
 *
 * @param linkBaseUrl where customers open check-ins: a link is {@code <linkBaseUrl>/check-ins/<token>}
 * @param signingKey  the HMAC-SHA256 key that signs the links; at least 32 bytes, secret in production
 * @param validity    how long a link accepts an answer after it was issued
 */
@ConfigurationProperties("tandem.feedback.check-in")
record CheckInProperties(String linkBaseUrl, String signingKey, Duration validity) {

    /** The key {@code application.yaml} ships with, so that the service runs out of the box; never for production. */
    static final String DEVELOPMENT_SIGNING_KEY = "dev-only-check-in-signing-key-never-use-in-production";

    /** A shorter HMAC-SHA256 key than its 32-byte output weakens the signature. */
    private static final int MINIMUM_KEY_BYTES = 32;

    CheckInProperties {
        Objects.requireNonNull(linkBaseUrl, "tandem.feedback.check-in.link-base-url is required");
        Objects.requireNonNull(validity, "tandem.feedback.check-in.validity is required");
        if (signingKey == null || signingKey.getBytes(StandardCharsets.UTF_8).length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "tandem.feedback.check-in.signing-key must be at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("tandem.feedback.check-in.validity must be positive");
        }
        String scheme = URI.create(linkBaseUrl).getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("tandem.feedback.check-in.link-base-url must be an http(s) URL");
        }
        linkBaseUrl = linkBaseUrl.endsWith("/") ? linkBaseUrl.substring(0, linkBaseUrl.length() - 1) : linkBaseUrl;
    }

    boolean usesDevelopmentKey() {
        return DEVELOPMENT_SIGNING_KEY.equals(signingKey);
    }

    /** Leaves the key out: settings are printed by binders, health and failure analysers. */
    @Override
    public String toString() {
        return "CheckInProperties[linkBaseUrl=" + linkBaseUrl + ", signingKey=(hidden), validity=" + validity + "]";
    }
}
