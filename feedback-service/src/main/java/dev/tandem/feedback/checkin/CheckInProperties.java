package dev.tandem.feedback.checkin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How check-in links are made.
 *
 * @param linkBaseUrl where customers open their check-in, an http(s) URL: each link is
 *                    {@code <link-base-url>/check-ins/<token>}
 * @param signingKey  the HMAC-SHA256 key that signs check-in links, at least 32 bytes; whoever knows it can forge
 *                    links. The default is for development only, and the service warns at startup while it is in
 *                    use: set a secret of your own everywhere else, for example through the environment variable
 *                    {@code TANDEM_FEEDBACK_CHECKIN_SIGNINGKEY}
 * @param validity    how long the customer can answer a check-in after it was issued, at the request's resolution
 */
@ConfigurationProperties("tandem.feedback.check-in")
record CheckInProperties(@DefaultValue("http://localhost:8084") String linkBaseUrl,
                         @DefaultValue(DEVELOPMENT_SIGNING_KEY) String signingKey,
                         @DefaultValue("14d") Duration validity) {

    /** The default key, so that the service runs out of the box; never for production. */
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
