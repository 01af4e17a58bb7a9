package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.testsupport.RealInfrastructureInitializer;
import dev.tandem.testsupport.TopicProbe;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

class OutboxRelayIT {

    private final TopicProbe topics = new TopicProbe();

    @Test
    void anEventWrittenBeforeACrashIsPublishedAfterTheRestart() {
        String database = "outbox-" + UUID.randomUUID();
        RequestSubmitted event = Events.submitted("written just before the crash");

        // the first run stores the ticket with its pending event and dies before its relay ever runs
        try (ConfigurableApplicationContext crashing = start(database, "tandem.outbox.enabled=false")) {
            crashing.getBean(TicketRepository.class).save(Ticket.submitted(event));
        }
        assertThat(topics.readAll(Topics.INTAKE_REQUESTS, record -> record.value().contains(event.eventId())))
                .isEmpty();

        try (ConfigurableApplicationContext restarted = start(database)) {
            var record = topics.awaitRecord(Topics.INTAKE_REQUESTS,
                    candidate -> candidate.value().contains(event.eventId()));

            assertThat(record.key()).isEqualTo(event.requestId());
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("RequestSubmitted");
            assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(event.eventId());
            org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(restarted.getBean(MongoTemplate.class)
                    .getCollection("tickets").countDocuments(new org.bson.Document("outbox.0",
                            new org.bson.Document("$exists", true)))).isZero());
        }
    }

    @Test
    void anEventWrittenBehindTheRelaysBackIsFoundByTheSweep() {
        RequestSubmitted event = Events.submitted("written by another instance");

        try (ConfigurableApplicationContext running = start("outbox-" + UUID.randomUUID(),
                "tandem.outbox.sweep-interval=200ms")) {
            MongoTemplate mongo = running.getBean(MongoTemplate.class);
            // as another instance, or any other writer, would: straight into the collection, announced to no one
            org.bson.Document document = new org.bson.Document();
            mongo.getConverter().write(Ticket.submitted(event), document);
            mongo.getCollection("tickets").insertOne(document);

            var record = topics.awaitRecord(Topics.INTAKE_REQUESTS,
                    candidate -> candidate.value().contains(event.eventId()));

            assertThat(record.key()).isEqualTo(event.requestId());
            org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(mongo.getCollection("tickets")
                    .countDocuments(new org.bson.Document("outbox.0", new org.bson.Document("$exists", true))))
                    .isZero());
            // the sweep reads the documents with pending events from an index of them, not the whole collection
            assertThat(mongo.getCollection("tickets").listIndexes()).anySatisfy(index -> {
                assertThat(index.getString("name")).isEqualTo("outbox_pending");
                assertThat(index.get("key", org.bson.Document.class)).containsEntry("outbox.eventId", 1);
                assertThat(index.getBoolean("sparse")).isTrue();
            });
        }
    }

    @Test
    void anInstanceWithoutTheLeaseHandsItsEventsToTheHolderWithoutWaitingForASweep() {
        String database = "outbox-" + UUID.randomUUID();
        RequestSubmitted event = Events.submitted("written by the instance without the lease");
        String noSweep = "tandem.outbox.sweep-interval=1h";

        try (ConfigurableApplicationContext holder = start(database, noSweep)) {
            // the first instance takes the lease with its start-up sweep
            org.awaitility.Awaitility.await().until(() -> holder.getBean(MongoTemplate.class)
                    .getCollection("outbox_lease").countDocuments() == 1);
            try (ConfigurableApplicationContext other = start(database, noSweep)) {
                other.getBean(TicketRepository.class).save(Ticket.submitted(event));

                var record = topics.awaitRecord(Topics.INTAKE_REQUESTS,
                        candidate -> candidate.value().contains(event.eventId()));

                assertThat(record.key()).isEqualTo(event.requestId());
                MongoTemplate mongo = holder.getBean(MongoTemplate.class);
                org.awaitility.Awaitility.await().untilAsserted(() -> {
                    assertThat(mongo.getCollection("tickets").countDocuments(new org.bson.Document("outbox.0",
                            new org.bson.Document("$exists", true)))).isZero();
                    assertThat(mongo.getCollection("outbox_handover").countDocuments()).isZero();
                });
            }
        }
    }

    private static ConfigurableApplicationContext start(String database, String... properties) {
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .initializers(new RealInfrastructureInitializer(database))
                .properties("server.port=0", "spring.cloud.function.definition=")
                // as command-line arguments: above the platform's defaults, which default properties are not
                .run(java.util.Arrays.stream(properties).map(property -> "--" + property).toArray(String[]::new));
    }
}
