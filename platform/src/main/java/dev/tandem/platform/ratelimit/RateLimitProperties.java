package dev.tandem.platform.ratelimit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The request rate each client of an API may keep up: a token bucket per client that holds {@code burst}
 * requests and refills at {@code requestsPerSecond}. A client is the authenticated principal when there is one,
 * otherwise the remote address (behind a proxy, set {@code server.forward-headers-strategy} so that this is the
 * client's address and not the proxy's).
 *
 * @param enabled           whether requests are limited at all: off only for a load test, or where something in
 *                          front of the service limits them
 * @param requestsPerSecond requests per second a client may keep up (fractions allowed); raise it for a load test
 *                          that sends no tokens, since all its requests then come from one address
 * @param burst             how many requests a client may make at once after a quiet spell
 * @param maxClients        how many clients are tracked at once; beyond it, new clients share one bucket until
 *                          idle ones are forgotten (a client is forgotten once its bucket has refilled)
 * @param exemptPaths       path patterns never limited: health probes, metrics, API descriptions
 */
@ConfigurationProperties("tandem.api.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("50") double requestsPerSecond,
                                  @DefaultValue("100") int burst,
                                  @DefaultValue("10000") int maxClients,
                                  @DefaultValue({"/actuator/**", "/v3/api-docs/**", "/swagger-ui/**",
                                          "/swagger-ui.html"}) List<String> exemptPaths) {

    public RateLimitProperties {
        if (!(requestsPerSecond > 0) || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException(
                    "tandem.api.rate-limit needs requests-per-second > 0, burst >= 1 and max-clients >= 1");
        }
        exemptPaths = List.copyOf(exemptPaths);
    }
}
