package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@TandemIntegrationTest
class SupportRequestApiIT extends AbstractFrontEndIT {

    private static final String VALID = """
            {"customer": {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+447700900123"},
             "language": "en", "preferredChannel": "EMAIL", "category": "billing",
             "subject": "Charged twice", "description": "My statement shows two charges.", "urgency": "HIGH"}""";

    @Test
    void aSubmittedRequestIsStoredPublishedAndShownWithItsTimeline() {
        var created = api.post("/api/requests", VALID, Map.of("X-Correlation-Id", "web-checkout-42"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(created.header("Location")).isEqualTo("/api/requests/" + id);
        assertThat(created.text("/reference")).matches("TDM-[0-9A-Z]{6}");

        var page = api.get("/api/requests/" + id);
        assertThat(page.text("/status")).isEqualTo("SUBMITTED");
        assertThat(page.text("/timeline/0/text")).isEqualTo("We received your request " + created.text("/reference") + ".");

        var record = topics.awaitRecord(Topics.INTAKE_REQUESTS, candidate -> id.equals(candidate.key()));
        RequestSubmitted event = (RequestSubmitted) EventCodec.decode(record.value(), IntakeEvent.class).orElseThrow();
        assertThat(event.metadata().correlationId()).isEqualTo("web-checkout-42");
        assertThat(event.customer().email()).isEqualTo("ada@example.com");
        assertThat(event.description()).isEqualTo("My statement shows two charges.");
    }

    @Test
    void invalidFieldsAreNamedWithTheirReasonAndNothingIsStored() {
        long before = requests.count();
        String invalid = """
                {"customer": {"name": "", "email": "not-an-email"},
                 "language": "english", "preferredChannel": "SMS", "category": "Billing!",
                 "subject": "Help", "description": "words"}""";

        var problem = api.post("/api/requests", invalid);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.text("/title")).isEqualTo("Invalid request");
        assertThat(problem.body().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("category", "customer.email", "customer.name", "customer.phone", "language");
        assertThat(problem.text("/errors/3/reason")).isEqualTo("is required when the preferred channel is SMS");
        assertThat(requests.count()).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongKindIsNamed() {
        var problem = api.post("/api/requests", VALID.replace("\"HIGH\"", "\"WHENEVER\""));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.text("/errors/0/field")).isEqualTo("urgency");
    }

    @Test
    void theOpenApiDescriptionListsSubmissionAndTheStatusPage() {
        var description = api.get("/v3/api-docs");

        assertThat(description.body().at("/paths/~1api~1requests/post").isMissingNode()).isFalse();
        assertThat(description.body().at("/paths/~1api~1requests~1{id}/get").isMissingNode()).isFalse();
    }

    @Test
    void anUnknownRequestIsNotFound() {
        var problem = api.get("/api/requests/no-such-request");

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.text("/detail")).isEqualTo("No request with id no-such-request");
    }

    @Test
    void theStatusPageFollowsRoutingEventsAndIgnoresRedelivery() {
        String id = api.post("/api/requests", VALID).text("/id");
        RequestAssigned assigned = new RequestAssigned(EventMetadata.of(id, "c-1", Instant.now()), "agent-7",
                "Grace", "has skill billing and speaks en");

        topics.send(Topics.ROUTING_ASSIGNMENTS, id, EventCodec.encode(assigned));
        topics.send(Topics.ROUTING_ASSIGNMENTS, id, EventCodec.encode(assigned));

        await().untilAsserted(() -> assertThat(api.get("/api/requests/" + id).text("/status")).isEqualTo("ASSIGNED"));
        var page = api.get("/api/requests/" + id);
        assertThat(page.text("/owner/name")).isEqualTo("Grace");
        assertThat(page.body().get("timeline").valueStream()
                .filter(step -> step.get("kind").asString().equals("ASSIGNED"))).hasSize(1);
    }
}
