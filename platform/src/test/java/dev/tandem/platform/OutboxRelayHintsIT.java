package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.outbox.OutboxEntry;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.TopicProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.TestPropertySource;

/**
 * The relay with its sweep out of the way (once at start-up, then not for an hour): what reaches the broker here
 * was relayed because the save announced it.
 */
@TandemIntegrationTest
@TestPropertySource(properties = "tandem.outbox.sweep-interval=1h")
class OutboxRelayHintsIT {

    private final TopicProbe topics = new TopicProbe();

    @Autowired
    TicketRepository tickets;
    @Autowired
    Aggregates aggregates;

    @Test
    void aSavedDocumentsEventIsPublishedWithoutWaitingForASweep() {
        RequestSubmitted event = Events.submitted("announced by its save");

        tickets.save(Ticket.submitted(event));

        var record = topics.awaitRecord(Topics.INTAKE_REQUESTS, candidate -> candidate.value().contains(event.eventId()));
        assertThat(record.key()).isEqualTo(event.requestId());
        // the CloudEvents Kafka binding, binary mode: each attribute a header of its own, the value as plain text
        assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(event.eventId());
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("RequestSubmitted");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/tandem/platform-test");
        // the store keeps instants to the millisecond
        assertThat(Instant.parse(TopicProbe.header(record, "ce_time")))
                .isEqualTo(event.metadata().occurredAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(TopicProbe.header(record, "contentType")).isEqualTo("application/json");
        await().untilAsserted(() -> assertThat(tickets.findById(event.requestId()).orElseThrow().outbox).isEmpty());
    }

    @Test
    void manyDocumentsEventsArePublishedOnceEachAndInOrderPerRequest() {
        String run = "many-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String requestId = run + i;
            RequestSubmitted first = Events.submitted(requestId, "first");
            RequestSubmitted second = Events.submitted(requestId, "second");
            tickets.save(Ticket.submitted(first, second));
            expected.put(requestId, new ArrayList<>(List.of(first.eventId(), second.eventId())));
        }
        // then each ticket changes once more, read and saved whole while the relay works on it
        expected.forEach((requestId, eventIds) -> {
            RequestSubmitted third = Events.submitted(requestId, "third");
            aggregates.update(Ticket.class, requestId, ticket -> ticket.record(third));
            eventIds.add(third.eventId());
        });

        topics.awaitRecords(Topics.INTAKE_REQUESTS, record -> record.key().startsWith(run), 300);
        await().untilAsserted(() -> assertThat(tickets.findAllById(expected.keySet()))
                .allSatisfy(ticket -> assertThat(ticket.outbox).isEmpty()));

        Map<String, List<String>> published = topics.readAll(Topics.INTAKE_REQUESTS,
                        record -> record.key().startsWith(run)).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                        Collectors.mapping(record -> TopicProbe.header(record, "ce_id"), Collectors.toList())));
        assertThat(published).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aStaleCopyCannotPutBackAPublishedEventAndItsChangeIsAppliedToTheStoredTicket() {
        String requestId = "stale-" + UUID.randomUUID();
        RequestSubmitted first = Events.submitted(requestId, "first");
        RequestSubmitted second = Events.submitted(requestId, "second");
        Ticket ticket = Ticket.submitted(first);
        tickets.save(ticket);
        // two writers read the ticket before the relay removes the first event: their copies still hold it
        Ticket staleSave = ticket.copy();
        Ticket staleChange = ticket.copy();
        await().untilAsserted(() -> assertThat(tickets.findById(requestId).orElseThrow().outbox).isEmpty());

        // saving such a copy whole would put the event back; the relay's removal moved the version on, so the save
        // is refused
        staleSave.record(second);
        assertThatThrownBy(() -> tickets.save(staleSave)).isInstanceOf(OptimisticLockingFailureException.class);
        // the one way to change an aggregate applies the change again to the ticket as stored
        aggregates.update(staleChange, stale -> stale.record(second));

        topics.awaitRecord(Topics.INTAKE_REQUESTS, record -> record.value().contains(second.eventId()));
        await().untilAsserted(() -> assertThat(tickets.findById(requestId).orElseThrow().outbox).isEmpty());
        assertThat(topics.readAll(Topics.INTAKE_REQUESTS, record -> requestId.equals(record.key())))
                .extracting(record -> TopicProbe.header(record, "ce_id"))
                .containsExactly(first.eventId(), second.eventId());
    }

    @Test
    void anEventTheBrokerRefusesStaysWithWhatFollowsItUntilTheNextRun() {
        String requestId = "refused-" + UUID.randomUUID();
        RequestSubmitted first = Events.submitted(requestId, "first");
        RequestSubmitted refused = Events.submitted(requestId, "refused");
        RequestSubmitted third = Events.submitted(requestId, "third");
        Ticket ticket = Ticket.submitted(first);
        OutboxEntry valid = OutboxEntry.of(Topics.INTAKE_REQUESTS, refused);
        // larger than the producer sends (max.request.size is 1 MB): the send fails, as when the broker is away
        ticket.outbox.add(new OutboxEntry(valid.eventId(), valid.topic(), valid.key(), valid.type(),
                "x".repeat(1_100_000), valid.occurredAt()));
        ticket.record(third);

        tickets.save(ticket);

        topics.awaitRecord(Topics.INTAKE_REQUESTS, record -> record.value().contains(first.eventId()));
        await().untilAsserted(() -> assertThat(tickets.findById(requestId).orElseThrow().outbox)
                .extracting(OutboxEntry::eventId).containsExactly(refused.eventId(), third.eventId()));
        assertThat(topics.readAll(Topics.INTAKE_REQUESTS, record -> requestId.equals(record.key())))
                .extracting(record -> TopicProbe.header(record, "ce_id")).containsExactly(first.eventId());

        // the cause goes away; the next run publishes the entry, and then what waited behind it
        aggregates.update(Ticket.class, requestId, stored -> stored.outbox.set(0, valid));

        List<ConsumerRecord<String, String>> records = topics.awaitRecords(Topics.INTAKE_REQUESTS,
                record -> requestId.equals(record.key()), 3);
        assertThat(records).extracting(record -> TopicProbe.header(record, "ce_id"))
                .containsExactly(first.eventId(), refused.eventId(), third.eventId());
        await().untilAsserted(() -> assertThat(tickets.findById(requestId).orElseThrow().outbox).isEmpty());
    }
}
