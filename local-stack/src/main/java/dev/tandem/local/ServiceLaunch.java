package dev.tandem.local;

import dev.tandem.issuer.LocalIssuer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How one Tandem service is started: its jar, its port, and the command-line properties that point it at the
 * local stack instead of its defaults.
 */
record ServiceLaunch(String name, int port, List<String> properties, JvmProfile jvm) {

    static final String BUILD_COMMAND = "./mvnw -DskipTests package";

    private static final String SMS_ACCOUNT_SID = "AC00000000000000000000000000000000";
    // Twilio's magic test number for a valid sender
    private static final String SMS_FROM = "+15005550006";

    /** The services' names, in the order they are listed. */
    static final List<String> NAMES =
            List.of("intake-service", "routing-service", "notification-service", "feedback-service");

    static List<ServiceLaunch> all(Ports ports, String checkInSigningKey, LocalIssuer issuer,
                                    JvmProfile jvm) {
        String feedbackUrl = Endpoints.http(ports.feedback());
        return List.of(
                of("intake-service", ports.intake(), ports, issuer, jvm),
                of("routing-service", ports.routing(), ports, issuer, jvm),
                of("notification-service", ports.notification(), ports, issuer, jvm,
                        "--spring.mail.host=" + Endpoints.HOST,
                        "--spring.mail.port=" + ports.smtp(),
                        "--tandem.notification.sms.base-url=" + Endpoints.http(ports.tools()),
                        "--tandem.notification.sms.account-sid=" + SMS_ACCOUNT_SID,
                        "--tandem.notification.sms.auth-token=local",
                        "--tandem.notification.sms.from=" + SMS_FROM),
                of("feedback-service", ports.feedback(), ports, issuer, jvm,
                        "--tandem.feedback.check-in.link-base-url=" + feedbackUrl,
                        "--tandem.feedback.check-in.signing-key=" + checkInSigningKey));
    }

    private static ServiceLaunch of(String name, int port, Ports ports, LocalIssuer issuer,
                                    JvmProfile jvm, String... ownProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwkSetUri(),
                "--spring.mongodb.uri=mongodb://" + Endpoints.HOST + ":" + ports.mongo() + "/" + name,
                "--spring.cloud.stream.kafka.binder.brokers=" + Endpoints.HOST + ":" + ports.kafka()));
        properties.addAll(List.of(ownProperties));
        return new ServiceLaunch(name, port, List.copyOf(properties), jvm);
    }

    Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve(name + ".jar");
    }

    List<String> javaArguments(Path repoRoot) {
        List<String> arguments = new ArrayList<>(jvm.options());
        arguments.add("-jar");
        arguments.add(jar(repoRoot).toString());
        arguments.addAll(properties);
        return arguments;
    }

    String baseUrl() {
        return Endpoints.http(port);
    }

    URI readinessUri() {
        return URI.create(baseUrl() + "/actuator/health/readiness");
    }
}
