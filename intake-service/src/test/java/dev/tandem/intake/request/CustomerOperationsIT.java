package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.DetailsAdded;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.RequestReopened;
import dev.tandem.contracts.intake.RequestWithdrawn;
import dev.tandem.contracts.routing.NextUpdatePromised;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.TopicProbe;
import dev.tandem.testsupport.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a customer does with their own requests after submitting them, as their front end calls it. */
@TandemIntegrationTest
class CustomerOperationsIT {

    static final String REQUEST = """
            {"customer": {"name": "Ada Lovelace", "email": "ada@example.com"},
             "language": "en", "preferredChannel": "EMAIL", "category": "billing",
             "subject": "%s", "description": "My statement shows two charges."}""";

    @LocalServerPort
    int port;

    private final TopicProbe topics = new TopicProbe();

    ApiClient as(String customer) {
        return ApiClient.local(port).as(Tokens.customer(customer));
    }

    String submit(ApiClient customer, String subject) {
        var created = customer.post("/api/requests", REQUEST.formatted(subject));
        assertThat(created.status()).isEqualTo(201);
        return created.text("/id");
    }

    <E extends IntakeEvent> E published(String requestId, Class<E> type) {
        var record = topics.awaitRecord(Topics.INTAKE_REQUESTS, candidate -> requestId.equals(candidate.key())
                && type.isInstance(EventCodec.decode(candidate.value(), IntakeEvent.class).orElse(null)));
        return type.cast(EventCodec.decode(record.value(), IntakeEvent.class).orElseThrow());
    }

    @Test
    void addingDetailsKeepsTheCustomersWordsAndTellsRouting() {
        var ada = as("ada-" + UUID.randomUUID());
        String id = submit(ada, "Charged twice");
        String words = "  It happened again on 4 November.\nReference 7781 🙁 ";

        var page = ada.post("/api/requests/" + id + "/details", Map.of("text", words));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("/details/0/text")).isEqualTo(words);
        assertThat(published(id, DetailsAdded.class).text()).isEqualTo(words);
    }

    @Test
    void aWithdrawnRequestIsClosedToFurtherChanges() {
        var ada = as("ada-" + UUID.randomUUID());
        String id = submit(ada, "Charged twice");

        var withdrawn = ada.post("/api/requests/" + id + "/withdraw", Map.of("reason", "My bank refunded it."));

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.text("/status")).isEqualTo("WITHDRAWN");
        assertThat(published(id, RequestWithdrawn.class).reason()).isEqualTo("My bank refunded it.");
        var again = ada.post("/api/requests/" + id + "/withdraw", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ada.post("/api/requests/" + id + "/details", Map.of("text", "more")).status()).isEqualTo(409);
    }

    @Test
    void aResolvedRequestCanBeReopenedAndAnOpenOneCannot() {
        var ada = as("ada-" + UUID.randomUUID());
        String id = submit(ada, "Charged twice");
        assertThat(ada.post("/api/requests/" + id + "/reopen", Map.of("reason", "Still wrong")).status())
                .isEqualTo(409);

        topics.send(Topics.ROUTING_ASSIGNMENTS, id, EventCodec.encode(new RequestResolved(
                EventMetadata.of(id, "c-1", Instant.now()), "agent-1", "Grace", "Refunded.")));
        await().until(() -> "RESOLVED".equals(ada.get("/api/requests/" + id).text("/status")));

        var reopened = ada.post("/api/requests/" + id + "/reopen", Map.of("reason", "The refund never arrived."));
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.text("/status")).isEqualTo("REOPENED");
        assertThat(published(id, RequestReopened.class).reason()).isEqualTo("The refund never arrived.");
    }

    @Test
    void theStatusShowsTheOwnersPromiseOfTheNextUpdateUntilTheResolution() {
        var ada = as("ada-" + UUID.randomUUID());
        String id = submit(ada, "Charged twice");
        Instant by = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);
        topics.send(Topics.ROUTING_ASSIGNMENTS, id, EventCodec.encode(new RequestAssigned(
                EventMetadata.of(id, "c-1", Instant.now()), "agent-1", "Grace", "has skill billing")));
        topics.send(Topics.ROUTING_ASSIGNMENTS, id, EventCodec.encode(new NextUpdatePromised(
                EventMetadata.of(id, "c-1", Instant.now()), "agent-1", "Grace", by, "Your bank is checking it.")));

        await().until(() -> ada.get("/api/requests/" + id).body().path("nextUpdate").has("by"));
        var status = ada.get("/api/requests/" + id);
        assertThat(Instant.parse(status.text("/nextUpdate/by"))).isEqualTo(by);
        assertThat(status.text("/nextUpdate/note")).isEqualTo("Your bank is checking it.");
        assertThat(status.text("/owner/name")).isEqualTo("Grace");

        topics.send(Topics.ROUTING_ASSIGNMENTS, id, EventCodec.encode(new RequestResolved(
                EventMetadata.of(id, "c-1", Instant.now()), "agent-1", "Grace", "Refunded.")));
        await().until(() -> "RESOLVED".equals(ada.get("/api/requests/" + id).text("/status")));
        assertThat(ada.get("/api/requests/" + id).body().get("nextUpdate").isNull()).isTrue();
    }

    @Test
    void aReopenWithoutAReasonIsRefusedAndChangesNothing() {
        var ada = as("ada-" + UUID.randomUUID());
        String id = submit(ada, "Charged twice");

        var problem = ada.post("/api/requests/" + id + "/reopen", Map.of());

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.text("/errors/0/field")).isEqualTo("reason");
        assertThat(ada.get("/api/requests/" + id).text("/status")).isIn("SUBMITTED", "QUEUED");
    }

    @Test
    void aCustomerListsTheirOwnRequestsNewestFirstAPageAtATime() {
        String customer = "ada-" + UUID.randomUUID();
        var ada = as(customer);
        for (int i = 1; i <= 3; i++) {
            submit(ada, "Question " + i);
        }
        submit(as("someone-else-" + UUID.randomUUID()), "Not Ada's");

        var first = ada.get("/api/requests?size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.body().get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.body().get("items").valueStream().map(item -> item.get("subject").asString()))
                .containsExactly("Question 3", "Question 2");
        var second = ada.get("/api/requests?size=2&page=1");
        assertThat(second.body().get("items").valueStream().map(item -> item.get("subject").asString()))
                .containsExactly("Question 1");
    }

    @Test
    void aPageHoldsAtMost100() {
        var problem = as("ada").get("/api/requests?size=101");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.text("/errors/0/field")).isEqualTo("size");
    }
}
