package dev.tandem.local;

import dev.tandem.issuer.LocalIssuer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ServiceLaunchTest {

    private final List<ServiceLaunch> launches = ServiceLaunch.all(Ports.defaults(), "the-key",
            LocalIssuer.withNewKey("http://127.0.0.1:8025/issuer"), JvmProfile.SMALL);

    @Test
    void pointsEveryServiceAtTheLocalBrokerItsOwnDatabaseAndTheLocalIssuer() {
        assertThat(launches).extracting(ServiceLaunch::name, ServiceLaunch::port).containsExactly(
                tuple("intake-service", 8081),
                tuple("routing-service", 8082),
                tuple("notification-service", 8083),
                tuple("feedback-service", 8084));
        assertThat(launches.getFirst().properties()).containsExactly(
                "--server.port=8081",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:8025/issuer",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:8025/issuer/jwks.json",
                "--spring.mongodb.uri=mongodb://127.0.0.1:27017/intake-service",
                "--spring.cloud.stream.kafka.binder.brokers=127.0.0.1:9092");
        assertThat(launches.getFirst().readinessUri()).hasToString("http://127.0.0.1:8081/actuator/health/readiness");
    }

    @Test
    void pointsNotificationsAtTheLocalMailServerAndSmsGateway() {
        assertThat(launches.get(2).properties()).contains(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=3025",
                "--tandem.notification.sms.base-url=http://127.0.0.1:8025",
                "--tandem.notification.sms.account-sid=AC00000000000000000000000000000000",
                "--tandem.notification.sms.auth-token=local",
                "--tandem.notification.sms.from=+15005550006");
    }

    @Test
    void givesFeedbackItsOwnLinkBaseAndTheSigningKey() {
        assertThat(launches.get(3).properties()).contains(
                "--tandem.feedback.check-in.link-base-url=http://127.0.0.1:8084",
                "--tandem.feedback.check-in.signing-key=the-key");
    }

    @Test
    void runsTheBuiltJarWithSmallHeapFlags() {
        Path repo = Path.of("repo");

        assertThat(launches.get(1).javaArguments(repo)).startsWith(
                "-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", repo.resolve("routing-service/target/routing-service.jar").toString(),
                "--server.port=8082");
    }

    @Test
    void runsWithTheFullJitAndLargerHeapsForALoadTest() {
        List<String> arguments = ServiceLaunch.all(Ports.defaults(), "the-key",
                LocalIssuer.withNewKey("http://127.0.0.1:8025/issuer"), JvmProfile.PERFORMANCE).getFirst()
                .javaArguments(Path.of("repo"));

        assertThat(arguments).contains("-Xmx1g", "-Xmn512m", "-XX:+AlwaysPreTouch", "-XX:SweeperThreshold=100")
                .doesNotContain("-XX:TieredStopAtLevel=1");
    }
}
