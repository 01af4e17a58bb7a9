package dev.tandem.issuer;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The local issuer over HTTP, for a JDK {@code HttpServer} context at the issuer's path (such as {@code /issuer}):
 * <ul>
 *   <li>{@code GET <issuer>/jwks.json}: the public key set services verify tokens with;</li>
 *   <li>{@code GET <issuer>/.well-known/openid-configuration}: where things are;</li>
 *   <li>{@code GET or POST <issuer>/token?role=customer&subject=ada&name=Ada}: a token, answered as
 *       {@code {"access_token": ..., "token_type": "Bearer", "expires_in": ...}}. {@code role} may be given more
 *       than once, or comma-separated; {@code lifetime} is an ISO-8601 duration such as {@code PT1H}.</li>
 * </ul>
 */
public final class IssuerEndpoint implements HttpHandler {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@:-]{1,64}");
    private static final Duration LONGEST_LIFETIME = Duration.ofDays(1);
    private static final int LONGEST_FORM = 4096;

    private final LocalIssuer issuer;
    private final String contextPath;

    /**
     * @param contextPath the path the server's context is at, such as {@code /issuer}
     */
    public IssuerEndpoint(LocalIssuer issuer, String contextPath) {
        this.issuer = issuer;
        this.contextPath = contextPath;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(contextPath.length());
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/jwks.json" -> answer(exchange, 200, issuer.jwkSetJson());
                case "/.well-known/openid-configuration" -> answer(exchange, 200, discovery());
                case "/token" -> {
                    if (!method.equals("GET") && !method.equals("POST")) {
                        answer(exchange, 405, error("invalid_request", "use GET or POST"));
                    } else {
                        token(exchange, method.equals("POST") ? form(exchange.getRequestBody())
                                : exchange.getRequestURI().getRawQuery());
                    }
                }
                default -> answer(exchange, 404, error("not_found", "no such path; try " + issuer.issuer() + "/token"));
            }
        }
    }

    private void token(HttpExchange exchange, String query) throws IOException {
        Map<String, List<String>> parameters = parse(query);
        String subject = first(parameters, "subject");
        List<String> roles = parameters.getOrDefault("role", List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(role -> !role.isEmpty())
                .distinct().toList();
        String name = first(parameters, "name");
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            answer(exchange, 400, error("invalid_request", "subject is required: 1 to 64 letters, digits or ._@:-"));
            return;
        }
        if (roles.isEmpty() || roles.stream().anyMatch(role -> Role.fromClaim(role).isEmpty())) {
            answer(exchange, 400, error("invalid_request", "role is required, one or more of customer, agent,"
                    + " supervisor, operator"));
            return;
        }
        if (name != null && name.length() > 100) {
            answer(exchange, 400, error("invalid_request", "name is at most 100 characters"));
            return;
        }
        Duration lifetime;
        try {
            String requested = first(parameters, "lifetime");
            lifetime = requested == null ? LocalIssuer.DEFAULT_LIFETIME : Duration.parse(requested);
        } catch (DateTimeParseException e) {
            answer(exchange, 400, error("invalid_request", "lifetime must be an ISO-8601 duration such as PT1H"));
            return;
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST_LIFETIME) > 0) {
            answer(exchange, 400, error("invalid_request", "lifetime must be positive and at most P1D"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issuer.mint(subject, roles, name, lifetime));
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime.toSeconds());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        answer(exchange, 200, JSONObjectUtils.toJSONString(body));
    }

    private String discovery() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer.issuer());
        body.put("jwks_uri", issuer.jwkSetUri());
        body.put("token_endpoint", issuer.issuer() + "/token");
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("subject_types_supported", List.of("public"));
        body.put("response_types_supported", List.of("token"));
        return JSONObjectUtils.toJSONString(body);
    }

    private static String error(String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return JSONObjectUtils.toJSONString(body);
    }

    private static String form(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(LONGEST_FORM + 1);
        if (bytes.length > LONGEST_FORM) {
            return "";
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(key, unused -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
