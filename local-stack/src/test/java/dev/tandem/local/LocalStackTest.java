package dev.tandem.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackTest {

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithoutTheServiceJarsAndSaysHowToBuildThem() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("intake-service").resolve("target"));
        Files.writeString(repo.resolve("intake-service/target/intake-service.jar"), "");

        try (LocalStack stack = new LocalStack(LocalStack.Settings.onFreePorts(repo, dir.resolve("data")))) {
            assertThatThrownBy(stack::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("routing-service/target/routing-service.jar")
                    .hasMessageContaining("notification-service/target/notification-service.jar")
                    .hasMessageContaining("feedback-service/target/feedback-service.jar")
                    .hasMessageNotContaining("intake-service.jar")
                    .hasMessageContaining("./mvnw -DskipTests package");
        }
        assertThat(dir.resolve("data").resolve("kafka")).doesNotExist();
    }

    @Test
    void refusesToStartWhenAPortIsTakenAndNamesIt() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        for (String service : List.of("intake-service", "routing-service", "notification-service", "feedback-service")) {
            Files.createDirectories(repo.resolve(service).resolve("target"));
            Files.writeString(repo.resolve(service).resolve("target").resolve(service + ".jar"), "");
        }
        LocalStack.Settings settings = LocalStack.Settings.onFreePorts(repo, dir.resolve("data"));

        try (ServerSocket taken = new ServerSocket(settings.ports().mongo(), 1, InetAddress.getLoopbackAddress());
             LocalStack stack = new LocalStack(settings)) {
            assertThatThrownBy(stack::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " (MongoDB) is already in use: is another Tandem stack running?");
        }
        assertThat(dir.resolve("data").resolve("kafka")).doesNotExist();
    }

    @Test
    void refusesToStartOutsideTheRepository() {
        try (LocalStack stack = new LocalStack(LocalStack.Settings.onFreePorts(dir, dir.resolve("data")))) {
            assertThatThrownBy(stack::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is not the Tandem repository")
                    .hasMessageContaining("--repo");
        }
    }

    @Test
    void knowsItsEndpointsFromTheSettings() {
        LocalStack.Settings settings = LocalStack.Settings.defaults(dir);

        Endpoints endpoints = new LocalStack(settings).endpoints();

        assertThat(settings.dataDir()).isEqualTo(dir.toAbsolutePath().resolve("data"));
        assertThat(endpoints).isEqualTo(new Endpoints("127.0.0.1:9092", "mongodb://127.0.0.1:27017", 3025,
                "http://127.0.0.1:8025", "http://127.0.0.1:8081", "http://127.0.0.1:8082",
                "http://127.0.0.1:8083", "http://127.0.0.1:8084"));
        assertThat(endpoints.mailInboxUrl()).isEqualTo("http://127.0.0.1:8025/mail");
        assertThat(endpoints.smsInboxUrl()).isEqualTo("http://127.0.0.1:8025/sms");
    }

    @Test
    void picksDistinctFreePortsForTests() {
        Ports ports = LocalStack.Settings.onFreePorts(dir, dir).ports();

        assertThat(List.of(ports.kafka(), ports.kafkaController(), ports.mongo(), ports.smtp(), ports.tools(),
                ports.intake(), ports.routing(), ports.notification(), ports.feedback()))
                .doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isPositive().isNotIn(9092, 27017, 8081));
    }
}
