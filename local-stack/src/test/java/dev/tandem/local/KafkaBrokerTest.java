package dev.tandem.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void runsABrokerProcessWhoseTopicsSurviveARestart() throws Exception {
        Ports ports = Ports.free();
        Path kafkaDir = dataDir.resolve("kafka");
        Path log = dataDir.resolve("logs").resolve("kafka.log");

        try (KafkaBroker broker = KafkaBroker.start(kafkaDir, ports.kafka(), ports.kafkaController(), log, TIMEOUT);
             Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic("tandem.test.v1", 3, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains("tandem.test.v1");
            assertThat(admin.describeTopics(Set.of("tandem.test.v1")).allTopicNames().get()
                    .get("tandem.test.v1").partitions()).hasSize(3);
        }

        try (KafkaBroker broker = KafkaBroker.start(kafkaDir, ports.kafka(), ports.kafkaController(), log, TIMEOUT);
             Admin admin = admin(broker)) {
            assertThat(admin.listTopics().names().get()).contains("tandem.test.v1");
        }
        assertThat(log).content().contains("Kafka Server started");
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()));
    }
}
