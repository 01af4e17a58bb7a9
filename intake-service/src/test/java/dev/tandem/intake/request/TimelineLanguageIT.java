package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.routing.NextUpdatePromised;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import dev.tandem.testsupport.TopicProbe;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The status page's timeline reads in the customer's language, its times in the customer's time zone. */
@TandemIntegrationTest
class TimelineLanguageIT {

    private static final String GERMAN_REQUEST = """
            {"customer": {"name": "Ada Lovelace", "email": "ada@example.com"},
             "language": "de", "preferredChannel": "EMAIL", "category": "billing",
             "subject": "Doppelt abgebucht", "description": "Auf meinem Konto steht die Abbuchung zweimal.",
             "quietHours": {"from": "21:00", "to": "08:00", "timeZone": "Europe/Berlin"}}""";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final TopicProbe topics = new TopicProbe();

    @Test
    void aGermanCustomerReadsTheirTimelineInGermanWithThePromisedTimeInTheirOwnZone() {
        var ada = customer("ada-" + UUID.randomUUID());
        var created = ada.post("/api/requests", GERMAN_REQUEST);
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("/id");
        String reference = created.text("/reference");
        assertThat(created.text("/timeline/0/text")).isEqualTo("Wir haben Ihre Anfrage " + reference + " erhalten.");

        publish(new RequestAssigned(meta(id), "agent-7", "Grace", "has skill billing"));
        // 12:00 UTC on 1 March is 13:00 in Berlin
        publish(new NextUpdatePromised(meta(id), "agent-7", "Grace", Instant.parse("2027-03-01T12:00:00Z"),
                "Ihre Bank prüft die zweite Abbuchung."));

        await().untilAsserted(() -> assertThat(timeline(ada.get("/api/requests/" + id))).containsExactly(
                "Wir haben Ihre Anfrage " + reference + " erhalten.",
                "Grace kümmert sich jetzt um Ihre Anfrage.",
                "Grace meldet sich bis zum 1. März 2027, 13:00 Europe/Berlin mit einem Zwischenstand bei Ihnen: "
                        + "Ihre Bank prüft die zweite Abbuchung."));
        assertThat(ApiClient.local(port).as(Tokens.agent("agent-7", "Grace")).get("/api/requests/" + id)
                .body().at("/timeline/2/kind").asString())
                .as("the kinds front ends go by stay as they are").isEqualTo("UPDATE_PROMISED");
    }

    @Test
    void aRequestStoredBeforeTimelineLinesHadFactsStillReadsAndTakesNewLines() {
        String customerId = "ada-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        Instant submittedAt = Instant.parse("2026-10-01T09:00:00Z");
        mongo.insert(earlierVersionOfARequest(id, customerId, submittedAt), "requests");
        var ada = customer(customerId);

        var page = ada.get("/api/requests/" + id);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("/subject")).isEqualTo("Doppelt abgebucht");
        assertThat(page.body().at("/timeline/1/kind").asString()).isEqualTo("ASSIGNED");
        assertThat(timeline(page)).containsExactly(
                "Wir haben Ihre Anfrage erhalten.",
                "Eine Fachkraft kümmert sich jetzt um Ihre Anfrage.",
                "Wir haben Ihnen einen Zwischenstand zugesagt.");

        publish(new RequestResolved(meta(id), "agent-7", "Grace", "Die zweite Abbuchung ist erstattet."));

        await().untilAsserted(() -> assertThat(timeline(ada.get("/api/requests/" + id)))
                .hasSize(4).endsWith("Grace hat Ihre Anfrage gelöst: Die zweite Abbuchung ist erstattet."));
        assertThat(ada.get("/api/requests/" + id).text("/status")).isEqualTo("RESOLVED");
    }

    // as the version before this one stored it: each line with its English text, and no facts
    private static Document earlierVersionOfARequest(String id, String customerId, Instant submittedAt) {
        Date at = Date.from(submittedAt);
        return new Document("_id", id).append("version", 3L).append("reference", "TDM-4XW8PB")
                .append("customerId", customerId)
                .append("customer", new Document("name", "Ada Lovelace").append("email", "ada@example.com"))
                .append("language", "de").append("preferredChannel", "EMAIL").append("category", "billing")
                .append("subject", "Doppelt abgebucht").append("description", "Zweimal abgebucht.")
                .append("urgency", "NORMAL").append("status", "ASSIGNED")
                .append("owner", new Document("agentId", "agent-7").append("name", "Grace"))
                .append("submittedAt", at).append("updatedAt", at)
                .append("details", List.of())
                .append("timeline", List.of(
                        line(at, "SUBMITTED", "We received your request TDM-4XW8PB.", "e-1"),
                        line(at, "ASSIGNED", "Grace is now looking after your request.", "e-2"),
                        line(at, "UPDATE_PROMISED", "Grace will give you an update by 3 October 2026, 12:00 UTC.",
                                "e-3")))
                .append("outbox", List.of())
                .append("_class", "dev.tandem.intake.request.SupportRequest");
    }

    private static Document line(Date at, String kind, String text, String eventId) {
        return new Document("at", at).append("kind", kind).append("text", text).append("eventId", eventId);
    }

    private ApiClient customer(String customerId) {
        return ApiClient.local(port).as(Tokens.customer(customerId));
    }

    private static List<String> timeline(ApiClient.Response page) {
        return page.body().get("timeline").valueStream().map(step -> step.get("text").asString()).toList();
    }

    private static EventMetadata meta(String requestId) {
        return EventMetadata.of(requestId, "web-status-page", Instant.now());
    }

    private void publish(RoutingEvent event) {
        topics.send(Topics.ROUTING_ASSIGNMENTS, event.requestId(), EventCodec.encode(event));
    }
}
