package dev.tandem.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bearer tokens for the customers of the pool, from the local stack's token issuer
 * ({@code GET <issuer>?role=customer&subject=<customer id>}), fetched once before the load starts.
 */
final class CustomerTokens {

    /** Whether submissions carry a token: always, never, or when the issuer answers ({@code auto}). */
    enum Mode {
        TRUE, FALSE, AUTO;

        static Mode parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("auth must be true, false or auto, not " + value, e);
            }
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private CustomerTokens() {
    }

    /**
     * A token per customer id, or an empty map when none are wanted, or the issuer is not there in {@code auto}.
     *
     * @throws IllegalStateException in mode {@code true}, when the issuer does not hand out a token
     */
    static Map<String, String> fetch(URI issuer, List<Submissions.Customer> customers, Mode mode) {
        if (mode == Mode.FALSE || customers.isEmpty()) {
            return Map.of();
        }
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            Map<String, String> tokens = new LinkedHashMap<>();
            for (Submissions.Customer customer : customers) {
                Optional<String> token = fetch(http, issuer, customer.id());
                if (token.isEmpty()) {
                    if (mode == Mode.AUTO && tokens.isEmpty()) {
                        return Map.of();
                    }
                    throw new IllegalStateException("The token issuer at " + issuer + " gave no token for customer "
                            + customer.id() + "; run with -Dauth=false to submit without tokens");
                }
                tokens.put(customer.id(), token.get());
            }
            return Map.copyOf(tokens);
        }
    }

    private static Optional<String> fetch(HttpClient http, URI issuer, String subject) {
        URI uri = URI.create(issuer + "?role=customer&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            return token.find() ? Optional.of(token.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching tokens", e);
        }
    }
}
