package dev.tandem.feedback.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.feedback.CheckInIssued;
import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.feedback.FeedbackReceived;
import dev.tandem.contracts.routing.HandoffKind;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RequestTransferred;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import dev.tandem.testsupport.TopicProbe;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@TandemIntegrationTest
class FeedbackIT {

    private static final String LINK_BASE = "http://localhost:8084/check-ins/";

    @LocalServerPort
    int port;
    @Autowired
    CheckIns checkIns;
    @Autowired
    CheckInRepository repository;
    @Autowired
    CheckInLinks links;
    @Autowired
    MongoTemplate mongo;

    private final TopicProbe topics = new TopicProbe();
    private final HttpClient browser = HttpClient.newHttpClient();
    /** A customer who followed their link: no login, the token in the path is all they have. */
    private ApiClient api;
    /** A supervisor's console, for CSAT. */
    private ApiClient supervisor;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        supervisor = api.as(Tokens.supervisor());
    }

    @Test
    void aResolutionIssuesASignedCheckInLinkKeyedByTheRequest() {
        RequestResolved resolved = resolution("agent-" + UUID.randomUUID(), "Grace", "corr-resolve-1");

        topics.send(Topics.ROUTING_ASSIGNMENTS, resolved.requestId(), EventCodec.encode(resolved));

        ConsumerRecord<String, String> record = awaitCheckInIssued(resolved);
        CheckInIssued issued = (CheckInIssued) EventCodec.decode(record.value(), FeedbackEvent.class).orElseThrow();
        assertThat(record.key()).isEqualTo(resolved.requestId());
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("CheckInIssued");
        assertThat(issued.metadata().correlationId()).isEqualTo("corr-resolve-1");
        assertThat(issued.link()).startsWith(LINK_BASE + issued.checkInId() + ".");
        assertThat(issued.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(14)).minusSeconds(120),
                Instant.now().plus(Duration.ofDays(14)));

        var checkIn = api.get("/api/check-ins/" + tokenOf(issued));
        assertThat(checkIn.status()).isEqualTo(200);
        assertThat(checkIn.text("/checkInId")).isEqualTo(issued.checkInId());
        assertThat(checkIn.text("/agentName")).isEqualTo("Grace");
        assertThat(checkIn.text("/status")).isEqualTo("ISSUED");
        assertThat(Instant.parse(checkIn.text("/expiresAt"))).isEqualTo(issued.expiresAt());
        assertThat(checkIn.text("/question")).isEqualTo("How satisfied are you with how we handled your request?");
    }

    @Test
    void answersArePublishedAndCountInTheAgentsCsat() {
        String agentId = "agent-" + UUID.randomUUID();
        List<Integer> scores = List.of(5, 4, 2);

        for (int score : scores) {
            String token = issueCheckIn(agentId, "Grace");
            var answered = api.post("/api/check-ins/" + token, Map.of("csat", score, "comment", "Scored " + score),
                    Map.of("X-Correlation-Id", "corr-answer-" + score));
            assertThat(answered.status()).isEqualTo(201);
            assertThat(answered.text("/checkInId")).isEqualTo(token.substring(0, token.indexOf('.')));
            assertThat(answered.body().get("csat").asInt()).isEqualTo(score);
            assertThat(answered.text("/comment")).isEqualTo("Scored " + score);
            assertThat(answered.text("/answeredAt")).isNotNull();
            assertThat(api.get("/api/check-ins/" + token).text("/status")).isEqualTo("ANSWERED");
        }

        List<FeedbackReceived> received = topics.awaitRecords(Topics.FEEDBACK_CHECKINS,
                        record -> record.value().contains(agentId) && "FeedbackReceived".equals(
                                TopicProbe.header(record, "ce_type")), 3).stream()
                .map(record -> (FeedbackReceived) EventCodec.decode(record.value(), FeedbackEvent.class).orElseThrow())
                .toList();
        assertThat(received).extracting(FeedbackReceived::csat).containsExactlyInAnyOrderElementsOf(scores);
        assertThat(received).allSatisfy(feedback -> {
            assertThat(feedback.agentId()).isEqualTo(agentId);
            assertThat(feedback.comment()).isEqualTo("Scored " + feedback.csat());
            assertThat(feedback.metadata().correlationId()).isEqualTo("corr-answer-" + feedback.csat());
        });

        var csat = supervisor.get("/api/agents/" + agentId + "/csat");
        assertThat(csat.status()).isEqualTo(200);
        assertThat(csat.text("/agentId")).isEqualTo(agentId);
        assertThat(csat.body().get("responses").asLong()).isEqualTo(3);
        assertThat(csat.body().get("satisfied").asLong()).isEqualTo(2);
        assertThat(csat.body().get("csatPercent").decimalValue()).isEqualByComparingTo("66.7");
    }

    @Test
    void csatCountsOnlyTheAnswersOfThePeriodAndHasNoPercentageWithoutAny() {
        String agentId = "agent-" + UUID.randomUUID();
        assertThat(api.post("/api/check-ins/" + issueCheckIn(agentId, "Grace"), Map.of("csat", 4)).status())
                .isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        var thisPeriod = supervisor.get("/api/agents/" + agentId + "/csat?from=" + today + "&to=" + today);
        var later = supervisor.get("/api/agents/" + agentId + "/csat?from=" + today.plusDays(1));
        var nobody = supervisor.get("/api/agents/agent-without-answers/csat");

        assertThat(thisPeriod.body().get("responses").asLong()).isEqualTo(1);
        assertThat(thisPeriod.body().get("csatPercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(later.body().get("responses").asLong()).isZero();
        assertThat(later.body().get("csatPercent").isNull()).isTrue();
        assertThat(nobody.body().get("responses").asLong()).isZero();
        assertThat(nobody.body().get("csatPercent").isNull()).isTrue();
        assertThat(supervisor.get("/api/agents/" + agentId + "/csat?from=" + today + "&to=" + today.minusDays(1))
                .status()).isEqualTo(400);
    }

    @Test
    void aSecondAnswerIsAConflictAndTheFirstStands() {
        String token = issueCheckIn("agent-" + UUID.randomUUID(), "Grace");
        assertThat(api.post("/api/check-ins/" + token, Map.of("csat", 5)).status()).isEqualTo(201);

        var second = api.post("/api/check-ins/" + token, Map.of("csat", 1));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.text("/type")).isEqualTo("https://tandem.dev/problems/conflict");
        String checkInId = token.substring(0, token.indexOf('.'));
        assertThat(repository.findById(checkInId).orElseThrow().answer().csat()).isEqualTo(5);
    }

    @Test
    void ofConcurrentAnswersToOneCheckInExactlyOneIsRecorded() {
        String token = issueCheckIn("agent-" + UUID.randomUUID(), "Grace");
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses;

        try (ExecutorService customers = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Integer>> answers = IntStream.rangeClosed(1, 8).mapToObj(i ->
                    CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(start);
                        return api.post("/api/check-ins/" + token, Map.of("csat", 1 + i % 5)).status();
                    }, customers)).toList();
            start.countDown();
            statuses = answers.stream().map(CompletableFuture::join).toList();
        }

        assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        String checkInId = token.substring(0, token.indexOf('.'));
        List<ConsumerRecord<String, String>> received = topics.awaitRecords(Topics.FEEDBACK_CHECKINS,
                record -> record.value().contains(checkInId) && "FeedbackReceived".equals(
                        TopicProbe.header(record, "ce_type")), 1);
        assertThat(received).hasSize(1);
    }

    @Test
    void aTamperedOrForeignTokenOpensNothing() {
        String token = issueCheckIn("agent-" + UUID.randomUUID(), "Grace");
        String other = issueCheckIn("agent-" + UUID.randomUUID(), "Alan");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String foreign = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));
        String unknown = links.tokenFor(UUID.randomUUID().toString());

        for (String bad : List.of(tampered, foreign, unknown, "not-a-token")) {
            var read = api.get("/api/check-ins/" + bad);
            var answer = api.post("/api/check-ins/" + bad, Map.of("csat", 5));
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.text("/type")).isEqualTo("https://tandem.dev/problems/not-found");
            assertThat(read.text("/detail")).doesNotContain(bad);
            assertThat(answer.status()).isEqualTo(404);
        }
        assertThat(api.get("/api/check-ins/" + token).text("/status")).isEqualTo("ISSUED");
    }

    @Test
    void aRedeliveredResolutionIssuesNoSecondCheckInAndOtherRoutingEventsIssueNone() {
        RequestResolved resolved = resolution("agent-" + UUID.randomUUID(), "Grace", "corr-first");
        String requestId = resolved.requestId();
        RequestAssigned assigned = new RequestAssigned(EventMetadata.of(requestId, "corr-assigned", Instant.now()),
                "agent-alan", "Alan", "has skill billing");
        RequestTransferred transferred = new RequestTransferred(EventMetadata.of(requestId, "corr-transferred",
                Instant.now()), HandoffKind.TRANSFER, "agent-alan", "Alan", resolved.agentId(), "Grace", 2,
                "Alan handed it to Grace");
        // the request is reopened and resolved again: a second resolution, which does deserve its own check-in
        RequestResolved marker = new RequestResolved(EventMetadata.of(requestId, "corr-marker", Instant.now()),
                resolved.agentId(), "Grace", "Resolved again.");

        topics.send(Topics.ROUTING_ASSIGNMENTS, requestId, EventCodec.encode(assigned));
        topics.send(Topics.ROUTING_ASSIGNMENTS, requestId, EventCodec.encode(transferred));
        topics.send(Topics.ROUTING_ASSIGNMENTS, requestId, EventCodec.encode(resolved));
        topics.send(Topics.ROUTING_ASSIGNMENTS, requestId, EventCodec.encode(resolved));
        topics.send(Topics.ROUTING_ASSIGNMENTS, requestId, EventCodec.encode(marker));

        awaitCheckInIssued(marker);
        await().untilAsserted(() -> assertThat(mongo.count(query(where("requestId").is(requestId)
                .and("outbox.0").exists(true)), CheckIn.class)).isZero());
        List<CheckInIssued> issued = topics.readAll(Topics.FEEDBACK_CHECKINS, record -> requestId.equals(record.key()))
                .stream().map(record -> (CheckInIssued) EventCodec.decode(record.value(), FeedbackEvent.class)
                        .orElseThrow()).toList();
        assertThat(issued).extracting(event -> event.metadata().correlationId())
                .containsExactlyInAnyOrder("corr-first", "corr-marker");
        assertThat(mongo.count(query(where("requestId").is(requestId)), CheckIn.class)).isEqualTo(2);
    }

    @Test
    void aResolutionHandledAgainAfterACrashFindsItsCheckInAlreadyIssued() {
        RequestResolved resolved = resolution("agent-" + UUID.randomUUID(), "Grace", "corr-crash");
        checkIns.issueAfter(resolved);
        awaitCheckInIssued(resolved);
        await().untilAsserted(() -> assertThat(repository.findById(CheckIn.idFor(resolved)).orElseThrow().outbox())
                .isEmpty());
        Instant issuedAt = repository.findById(CheckIn.idFor(resolved)).orElseThrow().issuedAt();

        // as when the process died after storing the check-in and before the inbox remembered the event:
        // the retry comes after the first CheckInIssued was already published
        checkIns.issueAfter(resolved);

        assertThat(mongo.count(query(where("requestId").is(resolved.requestId())), CheckIn.class)).isEqualTo(1);
        CheckIn stored = repository.findById(CheckIn.idFor(resolved)).orElseThrow();
        assertThat(stored.issuedAt()).isEqualTo(issuedAt);
        assertThat(stored.outbox()).isEmpty();
        assertThat(topics.readAll(Topics.FEEDBACK_CHECKINS, record -> resolved.requestId().equals(record.key())))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"csat\": 0}", "{\"csat\": 6}", "{\"comment\": \"no score\"}", "{\"csat\": \"lots\"}"})
    void anInvalidScoreIsNamed(String body) {
        String token = issueCheckIn("agent-" + UUID.randomUUID(), "Grace");

        var problem = api.post("/api/check-ins/" + token, body);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.text("/errors/0/field")).isEqualTo("csat");
        assertThat(api.get("/api/check-ins/" + token).text("/status")).isEqualTo("ISSUED");
    }

    @Test
    void anOverlongCommentIsNamed() {
        String token = issueCheckIn("agent-" + UUID.randomUUID(), "Grace");

        var problem = api.post("/api/check-ins/" + token, Map.of("csat", 3, "comment", "x".repeat(2001)));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.text("/errors/0/field")).isEqualTo("comment");
        assertThat(problem.text("/errors/0/reason")).isEqualTo("must be at most 2000 characters");
    }

    @Test
    void anExpiredCheckInIsGone() throws Exception {
        RequestResolved resolved = resolution("agent-" + UUID.randomUUID(), "Grace", "corr-old");
        CheckIn old = CheckIn.issue(resolved, links, Duration.ofDays(14), Instant.now().minus(Duration.ofDays(15)));
        repository.insert(old);
        String token = links.tokenFor(old.id());

        var read = api.get("/api/check-ins/" + token);
        var answer = api.post("/api/check-ins/" + token, Map.of("csat", 5));
        HttpResponse<String> page = browse(token);

        assertThat(read.status()).isEqualTo(410);
        assertThat(read.text("/type")).isEqualTo("https://tandem.dev/problems/check-in-expired");
        assertThat(read.text("/detail")).contains(old.expiresAt().toString());
        assertThat(answer.status()).isEqualTo(410);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This check-in has expired");
        assertThat(repository.findById(old.id()).orElseThrow().status()).isEqualTo(CheckInStatus.ISSUED);
    }

    @Test
    void thePageShowsTheFormAndRecordsTheAnswer() throws Exception {
        String agentId = "agent-" + UUID.randomUUID();
        String token = issueCheckIn(agentId, "Zoë & Co <b>");

        HttpResponse<String> form = browse(token);

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(form.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(form.body()).contains("<html lang=\"en\">", "Zoë &amp; Co &lt;b&gt;",
                "How satisfied are you with how we handled your request?", "<label for=\"comment\">",
                "name=\"csat\" value=\"1\"", "name=\"csat\" value=\"5\"").doesNotContain("<b>", token);

        HttpResponse<String> thanks = submit(token, "comment=Kind+%3Cand%3E+quick&csat=4");

        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("Thank you");
        var checkIn = api.get("/api/check-ins/" + token);
        assertThat(checkIn.text("/status")).isEqualTo("ANSWERED");
        String checkInId = checkIn.text("/checkInId");
        var record = topics.awaitRecord(Topics.FEEDBACK_CHECKINS, candidate -> candidate.value().contains(checkInId)
                && "FeedbackReceived".equals(TopicProbe.header(candidate, "ce_type")));
        FeedbackReceived received = (FeedbackReceived) EventCodec.decode(record.value(), FeedbackEvent.class)
                .orElseThrow();
        assertThat(received.csat()).isEqualTo(4);
        assertThat(received.comment()).isEqualTo("Kind <and> quick");
        assertThat(received.agentId()).isEqualTo(agentId);

        HttpResponse<String> again = submit(token, "csat=1");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already been answered");
        assertThat(browse(token).body()).contains("already been answered");
    }

    @Test
    void thePageAsksAgainForAMissingScoreAndKeepsTheComment() throws Exception {
        String token = issueCheckIn("agent-" + UUID.randomUUID(), "Grace");

        HttpResponse<String> retry = submit(token, "comment=" + URLEncoder.encode("Fine </textarea>",
                StandardCharsets.UTF_8));

        assertThat(retry.statusCode()).isEqualTo(400);
        assertThat(retry.body()).contains("role=\"alert\"", "Please choose a number from 1 to 5.",
                ">Fine &lt;/textarea&gt;</textarea>");
        assertThat(api.get("/api/check-ins/" + token).text("/status")).isEqualTo("ISSUED");
    }

    @Test
    void thePageTellsPeopleWhenALinkDoesNotWork() throws Exception {
        HttpResponse<String> page = browse("not-a-token");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("This link does not work");
    }

    private String issueCheckIn(String agentId, String agentName) {
        RequestResolved resolved = resolution(agentId, agentName, "corr-" + UUID.randomUUID());
        topics.send(Topics.ROUTING_ASSIGNMENTS, resolved.requestId(), EventCodec.encode(resolved));
        return tokenOf((CheckInIssued) EventCodec.decode(awaitCheckInIssued(resolved).value(), FeedbackEvent.class)
                .orElseThrow());
    }

    private ConsumerRecord<String, String> awaitCheckInIssued(RequestResolved resolved) {
        String correlationId = resolved.metadata().correlationId();
        return topics.awaitRecord(Topics.FEEDBACK_CHECKINS, record -> resolved.requestId().equals(record.key())
                && "CheckInIssued".equals(TopicProbe.header(record, "ce_type"))
                && record.value().contains("\"" + correlationId + "\""));
    }

    private static RequestResolved resolution(String agentId, String agentName, String correlationId) {
        return new RequestResolved(EventMetadata.of(UUID.randomUUID().toString(), correlationId, Instant.now()),
                agentId, agentName, "Refunded the second charge.");
    }

    private static String tokenOf(CheckInIssued issued) {
        assertThat(issued.link()).startsWith(LINK_BASE);
        return issued.link().substring(LINK_BASE.length());
    }

    private HttpResponse<String> browse(String token) throws Exception {
        return browser.send(HttpRequest.newBuilder(page(token)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String token, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(page(token)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI page(String token) {
        return URI.create("http://127.0.0.1:" + port + "/check-ins/" + token);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
