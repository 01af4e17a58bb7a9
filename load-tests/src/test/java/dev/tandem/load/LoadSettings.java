package dev.tandem.load;

import java.net.URI;
import java.time.Duration;

/**
 * What a load run does, from system properties ({@code -Drate=1000} and so on on the Maven command line).
 *
 * @param rate        submissions started per second, whatever the answers take (an open model)
 * @param duration    how long the measured phase lasts
 * @param warmUp      a phase rising to the rate before it, not counted, so that the services' JIT and pools warm up
 * @param baseUrl     where intake-service listens
 * @param auth        whether submissions carry a customer's bearer token (see {@link CustomerTokens})
 * @param issuer      the token issuer's endpoint
 * @param customers   how many customers submit (and so how many tokens are fetched)
 * @param p99Millis   the 99th percentile of response times the run must stay under
 */
record LoadSettings(double rate, Duration duration, Duration warmUp, String baseUrl, CustomerTokens.Mode auth,
                    URI issuer, int customers, int p99Millis) {

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                Double.parseDouble(property("rate", "1000")),
                Duration.ofSeconds(Long.parseLong(property("duration", "60"))),
                Duration.ofSeconds(Long.parseLong(property("warmup", "180"))),
                property("baseUrl", "http://127.0.0.1:8081"),
                CustomerTokens.Mode.parse(property("auth", "auto")),
                URI.create(property("issuerUrl", "http://127.0.0.1:8025/issuer/token")),
                Integer.parseInt(property("customers", "100")),
                Integer.parseInt(property("p99", "50")));
    }

    /** How many submissions the measured phase starts. */
    long plannedSubmissions() {
        return Math.round(rate * duration.toMillis() / 1000.0);
    }

    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
