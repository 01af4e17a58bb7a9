package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.NextUpdatePromised;
import dev.tandem.contracts.routing.OfferDeclined;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.SharedRoutingContext;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.agent.Agents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SharedRoutingContext
class RoutingIT extends AbstractDeskIT {

    @Autowired
    Agents agents;
    @Autowired
    RoutedRequestRepository requests;
    @Autowired
    Aggregates aggregates;

    @Test
    void offersARequestToTheSuitableAvailableAgentAndNotToThoseLackingSkillLanguageOrCapacity() {
        String german = desk.registerAgent("Greta", billing, "de", 2);
        String otherSkill = desk.registerAgent("Paulo", RoutingDesk.freshSkill("shipping"), "pt", 2);
        String full = desk.registerAgent("Ana", billing, "pt", 1);
        String suitable = desk.registerAgent("Joana", billing, "pt-PT", 2);
        desk.presence(full, "AVAILABLE");
        String fillsAna = desk.submit(billing, "pt", Urgency.NORMAL).requestId();
        assertThat(desk.awaitOffered(fillsAna)).isEqualTo(full);
        desk.presence(german, "AVAILABLE");
        desk.presence(otherSkill, "AVAILABLE");
        desk.presence(suitable, "AVAILABLE");

        RequestSubmitted submitted = desk.submit(billing, "pt-BR", Urgency.NORMAL);

        assertThat(desk.awaitOffered(submitted.requestId())).isEqualTo(suitable);
        var view = desk.request(submitted.requestId());
        assertThat(view.text("/reason")).isEqualTo(
                billing + " 3; speaks pt-PT; tier 1; the only eligible agent (queue " + billing + ", step 1: " + billing
                        + " 3 or more, for 2 min)");
        assertThat(view.text("/queue")).isEqualTo(billing);
        assertThat(view.text("/language")).isEqualTo("pt-BR");
        assertThat(desk.agent(suitable).text("/activeRequests/0")).isEqualTo(submitted.requestId());
        assertThat(desk.agent(suitable).body().get("freeSlots").asInt()).isEqualTo(1);
        var offers = desk.offers(suitable);
        assertThat(offers.body().size()).isEqualTo(1);
        assertThat(offers.text("/0/requestId")).isEqualTo(submitted.requestId());
        assertThat(offers.text("/0/reference")).isEqualTo(submitted.reference());
        assertThat(offers.text("/0/subject")).isEqualTo("Charged twice");
        assertThat(offers.text("/0/urgency")).isEqualTo("NORMAL");
        assertThat(Instant.parse(offers.text("/0/expiresAt")))
                .isEqualTo(Instant.parse(offers.text("/0/offeredAt")).plus(Duration.ofMinutes(2)));
        assertThat(desk.offers(german).body().isEmpty()).isTrue();
        assertThat(desk.offers(otherSkill).body().isEmpty()).isTrue();
        var offered = desk.awaitPublished(submitted.requestId(), RequestOffered.class, event -> true);
        assertThat(((RequestOffered) RoutingDesk.decode(offered)).agentId()).isEqualTo(suitable);
    }

    @Test
    void acceptingMakesTheAgentTheOwnerAndPublishesTheAssignmentUnderTheSubmittersCorrelationId() {
        String grace = desk.registerAgent("Grace", billing, "en", 2);
        String alan = desk.registerAgent("Alan", billing, "en", 2);
        desk.presence(grace, "AVAILABLE");
        RequestSubmitted submitted = desk.submit(billing, "en", Urgency.HIGH);
        String requestId = submitted.requestId();
        assertThat(desk.awaitOffered(requestId)).isEqualTo(grace);

        var notTheirs = desk.accept(alan, requestId);
        assertThat(notTheirs.status()).isEqualTo(409);
        assertThat(notTheirs.header("Content-Type")).startsWith("application/problem+json");

        var accepted = desk.accept(grace, requestId);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("/status")).isEqualTo("ASSIGNED");
        assertThat(accepted.text("/ownerId")).isEqualTo(grace);
        assertThat(accepted.text("/offeredTo")).isNull();
        var record = desk.awaitPublished(requestId, RequestAssigned.class, event -> true);
        RequestAssigned assigned = (RequestAssigned) RoutingDesk.decode(record);
        assertThat(record.key()).isEqualTo(requestId);
        assertThat(assigned.metadata().correlationId()).isEqualTo(submitted.metadata().correlationId());
        assertThat(assigned.agentId()).isEqualTo(grace);
        assertThat(assigned.agentName()).isEqualTo("Grace");
        assertThat(assigned.reason()).isEqualTo(
                billing + " 3; speaks en; tier 1; the only eligible agent (queue " + billing + ", step 1: " + billing
                        + " 3 or more, for 2 min)");
        assertThat(desk.offers(grace).body().isEmpty()).isTrue();
        assertThat(desk.accept(grace, requestId).status()).isEqualTo(409);
    }

    @Test
    void aDeclinedRequestGoesToTheNextAgentAndNeverBackToTheOneWhoDeclined() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String alan = desk.registerAgent("Alan", billing, "en", 1);
        String requestId = desk.offeredTo(grace, billing);
        desk.presence(alan, "AVAILABLE");

        var declined = desk.decline(grace, requestId);

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.text("/declinedBy/0")).isEqualTo(grace);
        assertThat(desk.awaitOffered(requestId)).isEqualTo(alan);
        assertThat(desk.agent(grace).body().get("freeSlots").asInt()).isEqualTo(1);
        desk.awaitPublished(requestId, OfferDeclined.class,
                event -> event.agentId().equals(grace) && event.reason().equals("DECLINED"));

        desk.decline(alan, requestId);

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> "WAITING".equals(desk.request(requestId).text("/status")));
        assertThat(desk.offers(grace).body().isEmpty()).isTrue();
    }

    @Test
    void aRequestWaitsWhileNobodySuitableIsFreeAndIsOfferedAsSoonAsSomeoneIs() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String requestId = desk.submit(billing, "en", Urgency.NORMAL).requestId();
        desk.awaitPublished(requestId, RequestQueued.class, event -> event.queue().equals(billing));

        // longer than a sweep: nobody is available, so nothing may be offered
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> "WAITING".equals(desk.request(requestId).text("/status")));
        desk.presence(grace, "AVAILABLE");

        assertThat(desk.awaitOffered(requestId)).isEqualTo(grace);
    }

    @Test
    void theMostUrgentWaitingRequestIsOfferedFirst() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String older = desk.submit(billing, "en", Urgency.NORMAL).requestId();
        String urgent = desk.submit(billing, "en", Urgency.CRITICAL).requestId();
        await().until(() -> requests.existsById(older) && requests.existsById(urgent));

        desk.presence(grace, "AVAILABLE");

        assertThat(desk.awaitOffered(urgent)).isEqualTo(grace);
        assertThat(desk.request(older).text("/status")).isEqualTo("WAITING");
    }

    @Test
    void onlyTheOwnerResolvesAndTheFreedSlotGoesToTheNextWaitingRequest() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String alan = desk.registerAgent("Alan", billing, "en", 1);
        String first = desk.offeredTo(grace, billing);
        String second = desk.submit(billing, "en", Urgency.NORMAL).requestId();
        await().until(() -> requests.existsById(second));
        assertThat(desk.resolve(first, grace, "Too early.").status()).isEqualTo(409);
        desk.accept(grace, first);

        assertThat(desk.resolve(first, alan, "Not mine.").status()).isEqualTo(409);
        var resolved = desk.resolve(first, grace, "Refunded the second charge.");

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.text("/status")).isEqualTo("RESOLVED");
        var record = desk.awaitPublished(first, RequestResolved.class, event -> true);
        RequestResolved event = (RequestResolved) RoutingDesk.decode(record);
        assertThat(event.agentName()).isEqualTo("Grace");
        assertThat(event.summary()).isEqualTo("Refunded the second charge.");
        assertThat(desk.awaitOffered(second)).isEqualTo(grace);
        assertThat(desk.resolve(first, grace, "Again.").status()).isEqualTo(409);
        assertThat(desk.resolve(first, grace, "").status()).isEqualTo(400);
    }

    @Test
    void theOwnerPromisesTheNextUpdateAndEveryoneElseOrABadTimeChangesNothing() {
        String grace = desk.registerAgent("Grace", billing, "en", 1);
        String alan = desk.registerAgent("Alan", billing, "en", 1);
        String requestId = desk.offeredTo(grace, billing);
        Instant by = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(desk.promise(requestId, grace, by, null).status()).as("offered, not yet owned").isEqualTo(409);
        desk.accept(grace, requestId);

        assertThat(desk.promise(requestId, alan, by, null).status()).as("not the owner").isEqualTo(409);
        var past = desk.promise(requestId, grace, Instant.now().minusSeconds(60), null);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("/errors/0/field")).isEqualTo("nextUpdateBy");
        assertThat(past.text("/errors/0/reason")).isEqualTo("must be in the future");
        var tooFar = desk.promise(requestId, grace, Instant.now().plus(Duration.ofDays(31)), null);
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.text("/errors/0/reason")).isEqualTo("must be at most 30 days ahead");
        assertThat(desk.promise(requestId, grace, "tomorrow", null).status()).isEqualTo(400);
        assertThat(desk.promise(requestId, grace, by, "x".repeat(501)).status()).isEqualTo(400);
        assertThat(desk.request(requestId).body().get("nextUpdateBy").isNull()).isTrue();

        var promised = desk.promise(requestId, grace, by, "  Waiting for the bank's answer.  ");

        assertThat(promised.status()).isEqualTo(200);
        assertThat(Instant.parse(promised.text("/nextUpdateBy"))).isEqualTo(by);
        var record = desk.awaitPublished(requestId, NextUpdatePromised.class, event -> true);
        NextUpdatePromised event = (NextUpdatePromised) RoutingDesk.decode(record);
        assertThat(event.agentId()).isEqualTo(grace);
        assertThat(event.agentName()).isEqualTo("Grace");
        assertThat(event.nextUpdateBy()).isEqualTo(by);
        assertThat(event.note()).isEqualTo("Waiting for the bank's answer.");
        assertThat(record.headers().lastHeader("ce_type").value()).asString().isEqualTo("NextUpdatePromised");

        desk.resolve(requestId, grace, "The bank confirmed the refund.");
        assertThat(desk.request(requestId).body().get("nextUpdateBy").isNull()).isTrue();
    }

    @Test
    void aRedeliveredRequestSubmittedCreatesNothingNew() {
        RequestSubmitted submitted = desk.submit(billing, "en", Urgency.NORMAL);
        String requestId = submitted.requestId();
        desk.awaitPublished(requestId, RequestQueued.class, event -> true);

        desk.send(submitted);
        // the same request again under a new event id, as a producer that lost track might send it
        desk.send(new RequestSubmitted(EventMetadata.of(requestId, "retry", Instant.now()), submitted.reference(),
                submitted.customerId(),
                submitted.customer(), submitted.language(), submitted.preferredChannel(), submitted.category(),
                submitted.subject(), submitted.description(), submitted.urgency(), submitted.quietHours(),
                submitted.accessibilityNotes()));
        desk.awaitIntakeConsumed(SharedRoutingContext.GROUP);

        assertThat(desk.published(requestId)).singleElement().isInstanceOf(RequestQueued.class);
        assertThat(requests.findById(requestId)).hasValueSatisfying(request ->
                assertThat(request.outbox()).isEmpty());
    }

    @Test
    void slotsLeftReservedByACrashAreGivenBackAfterTheGracePeriodButAFreshReservationIsKept() {
        String grace = desk.registerAgent("Grace", billing, "en", 3);
        desk.presence(grace, "AVAILABLE");
        String waiting = desk.submit(RoutingDesk.freshSkill("unserved"), "en", Urgency.NORMAL).requestId();
        await().until(() -> requests.existsById(waiting));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant longAgo = now.minus(Duration.ofMinutes(5));
        // as if instances had reserved these slots and died before offering the requests
        String vanished = "crashed-" + UUID.randomUUID();
        String inFlight = "in-flight-" + UUID.randomUUID();
        assertThat(agents.reserve(grace, ActiveRequest.of(waiting, longAgo))).isPresent();
        assertThat(agents.reserve(grace, ActiveRequest.of(vanished, longAgo))).isPresent();
        assertThat(agents.reserve(grace, ActiveRequest.of(inFlight, now))).isPresent();

        await().until(() -> desk.agent(grace).body().get("activeRequests").size() == 1);

        var agent = desk.agent(grace);
        assertThat(agent.text("/activeRequests/0")).isEqualTo(inFlight);
        assertThat(agent.body().get("freeSlots").asInt()).isEqualTo(2);
        // a dispatch that reserved the slot long ago and still means to offer the request on its strength, as the
        // Dispatcher claims a request, cannot
        assertThatThrownBy(() -> aggregates.update(RoutedRequest.class, waiting, request -> request.offerTo(grace,
                Requests.explanation(grace), longAgo, now.plus(Duration.ofMinutes(2)), Requests.COOL_DOWN)))
                .isInstanceOf(StateConflictException.class);
        assertThat(desk.request(waiting).text("/status")).isEqualTo("WAITING");
    }

    @Test
    void anUnknownRequestIsNotFound() {
        var problem = desk.request("no-such-request");

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.text("/detail")).isEqualTo("No request with id no-such-request");
    }

    @Test
    void whenEveryEligibleAgentDeclinedTheRequestRelaxesAtOnceAndEveryOfferSaysWhy() {
        String billing = RoutingDesk.freshSkill("billing");
        String grace = desk.registerAgent("Grace", billing, 4, "en", 1);
        String learner = desk.registerAgent("Lin", billing, 1, "en", 1);
        desk.presence(learner, "AVAILABLE");
        desk.presence(grace, "AVAILABLE");
        String requestId = desk.submit(billing, "en", Urgency.NORMAL).requestId();
        assertThat(desk.awaitOffered(requestId)).as("only Grace meets the first step").isEqualTo(grace);

        assertThat(desk.decline(grace, requestId).status()).isEqualTo(200);

        assertThat(desk.awaitOffered(requestId)).isEqualTo(learner);
        var routing = desk.routing(requestId);
        assertThat(routing.text("/queue")).isEqualTo(billing);
        assertThat(routing.body().get("history").valueStream().map(entry -> entry.get("kind").asString()))
                .containsExactly("QUEUED", "OFFERED", "DECLINED", "RELAXED", "OFFERED");
        var first = routing.body().get("history").get(1).get("explanation");
        assertThat(first.get("agentId").asString()).isEqualTo(grace);
        assertThat(first.get("step").asInt()).isEqualTo(1);
        assertThat(first.get("eligible").asInt()).isEqualTo(1);
        assertThat(first.get("matchingSkills").get(0).get("proficiency").asInt()).isEqualTo(4);
        assertThat(first.get("passedOver").get(0).get("agentId").asString()).isEqualTo(learner);
        assertThat(first.get("passedOver").get(0).get("reason").asString())
                .isEqualTo(billing + " 1, the step asks 3 or more");
        assertThat(routing.body().get("history").get(3).get("note").asString())
                .startsWith("every eligible agent declined it; now at step 2");
        var second = routing.body().get("history").get(4).get("explanation");
        assertThat(second.get("agentId").asString()).isEqualTo(learner);
        assertThat(second.get("step").asInt()).isEqualTo(2);
        assertThat(second.get("stepDescription").asString()).isEqualTo(billing + " 1 or more, until accepted");
    }

    @Test
    void aSupervisorsChangeTakesEffectForTheNextOfferAndTakesAwayNothingInHand() {
        String billing = RoutingDesk.freshSkill("billing");
        ApiClient supervisor = api.as(Tokens.supervisor());
        String grace = desk.registerAgent("Grace", billing, "en", 2);
        desk.presence(grace, "AVAILABLE");
        String first = desk.submit(billing, "en", Urgency.NORMAL).requestId();
        assertThat(desk.awaitOffered(first)).isEqualTo(grace);
        assertThat(desk.accept(grace, first).status()).isEqualTo(200);

        var lowered = supervisor.patch("/api/agents/" + grace, Map.of("capacity", 1));
        assertThat(lowered.body().get("freeSlots").asInt()).isZero();
        assertThat(lowered.text("/activeRequests/0")).isEqualTo(first);
        String alan = desk.registerAgent("Alan", billing, "en", 1);
        desk.presence(alan, "AVAILABLE");
        String second = desk.submit(billing, "en", Urgency.NORMAL).requestId();
        assertThat(desk.awaitOffered(second)).as("Grace, idle longer, is at her new capacity").isEqualTo(alan);
        assertThat(desk.request(first).text("/ownerId")).isEqualTo(grace);

        supervisor.patch("/api/agents/" + grace, Map.of("capacity", 3, "active", false));
        String carl = desk.registerAgent("Carl", billing, "en", 1);
        desk.presence(carl, "AVAILABLE");
        String third = desk.submit(billing, "en", Urgency.NORMAL).requestId();
        assertThat(desk.awaitOffered(third)).as("Grace is deactivated").isEqualTo(carl);
        assertThat(desk.agent(grace).text("/activeRequests/0")).isEqualTo(first);
    }
}
