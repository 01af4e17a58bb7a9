package dev.tandem.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The table a person reads once the stack is up: where everything listens. */
final class ReadySummary {

    private ReadySummary() {
    }

    static String render(Endpoints endpoints, Path dataDir, Duration startup, Set<String> only) {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("intake-service", endpoints.intakeUrl());
        services.put("routing-service", endpoints.routingUrl());
        services.put("notification-service", endpoints.notificationUrl());
        services.put("feedback-service", endpoints.feedbackUrl());
        services.keySet().removeIf(name -> !only.isEmpty() && !only.contains(name));

        StringBuilder table = new StringBuilder()
                .append(String.format(Locale.ROOT, "%nTandem is ready in %.1f s.%n%n", startup.toMillis() / 1000.0))
                .append(line("Kafka bootstrap", endpoints.kafkaBootstrap()))
                .append(line("MongoDB", endpoints.mongoUri()))
                .append(line("SMTP", Endpoints.HOST + ":" + endpoints.smtpPort()))
                .append(line("Mail inbox", endpoints.mailInboxUrl() + "   (in a browser: " + endpoints.toolsUrl() + "/)"))
                .append(line("SMS inbox", endpoints.smsInboxUrl()))
                .append(line("SMS gateway", endpoints.toolsUrl() + SmsGateway.PATH_PREFIX + "{AccountSid}/Messages.json"))
                .append(line("Tokens", endpoints.issuerUrl() + "/token?role=customer&subject=ada"
                        + "   (roles: customer, agent, supervisor, operator)"))
                .append('\n');
        services.forEach((name, url) -> table
                .append(line(name, url))
                .append(line("", "API " + url + "/swagger-ui.html   health " + url + "/actuator/health")));
        return table
                .append('\n')
                .append(line("Data", dataDir.toString()))
                .append(line("Logs", dataDir.resolve("logs").toString()))
                .append("\nPress Ctrl-C to stop.")
                .toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "  %-22s %s%n", label, value);
    }
}
