package dev.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.local.Endpoints;
import dev.tandem.local.LocalStack;
import dev.tandem.local.ReceivedMail;
import dev.tandem.local.ReceivedSms;
import dev.tandem.testsupport.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system from its jars: Kafka, the store, SMTP, the SMS gateway stand-in and the four services as
 * separate processes, driven only through their HTTP APIs and the customer's inboxes, with tokens from the local
 * issuer as a front end would get them. Last, the logs of every process are searched for the customers' contact
 * details and the tokens: none may appear in clear.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerJourneyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern CHECK_IN_LINK = Pattern.compile("https?://\\S+/check-ins/([A-Za-z0-9._-]+)");

    private static final String ADA_EMAIL = "ada@example.com";
    private static final String ALAN_EMAIL = "alan@example.com";
    private static final String ALAN_PHONE = "+447700900456";

    private static LocalStack stack;
    private static ApiClient issuer;
    private static ApiClient intake;
    private static ApiClient routing;
    private static ApiClient notification;
    private static ApiClient feedback;
    private static final Set<String> tokensHandedOut = ConcurrentHashMap.newKeySet();
    private static final Set<String> checkInTokens = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path repo = Path.of(System.getProperty("tandem.repo", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("tandem-e2e");
        stack = new LocalStack(LocalStack.Settings.onFreePorts(repo, data).withReadinessTimeout(Duration.ofSeconds(180)));
        Endpoints endpoints = stack.start();
        issuer = new ApiClient(endpoints.issuerUrl());
        intake = new ApiClient(endpoints.intakeUrl());
        routing = new ApiClient(endpoints.routingUrl());
        notification = new ApiClient(endpoints.notificationUrl());
        feedback = new ApiClient(endpoints.feedbackUrl());
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aRequestTravelsFromSubmissionToOwnerToResolutionToCheckIn() {
        String agentId = availableAgent("Grace", "billing");
        ApiClient agent = routing.as(token("agent", agentId, "Grace"));
        ApiClient ada = intake.as(token("customer", "ada-" + UUID.randomUUID(), "Ada Lovelace"));

        var submitted = ada.post("/api/requests", """
                {"customer": {"name": "Ada Lovelace", "email": "ada@example.com"},
                 "language": "en", "preferredChannel": "EMAIL", "category": "billing",
                 "subject": "Charged twice for October",
                 "description": "My statement shows two charges of 49.00.", "urgency": "HIGH"}""",
                Map.of("X-Correlation-Id", "e2e-journey-1", "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(submitted.status()).isEqualTo(201);
        String requestId = submitted.text("/id");
        String reference = submitted.text("/reference");

        ReceivedMail acknowledgement = awaitMail("ada@example.com", reference, mail -> true);
        assertThat(acknowledgement.body()).contains("Ada");

        await().atMost(PATIENCE).until(() -> agent.get("/api/agents/" + agentId + "/offers").body()
                .valueStream().anyMatch(offer -> offer.get("requestId").asString().equals(requestId)));
        var accepted = agent.post("/api/agents/" + agentId + "/offers/" + requestId + "/accept", "");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("/status")).isEqualTo("ASSIGNED");

        awaitMail("ada@example.com", reference, mail -> mail.body().contains("Grace"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            var page = ada.get("/api/requests/" + requestId);
            assertThat(page.text("/status")).isEqualTo("ASSIGNED");
            assertThat(page.text("/owner/name")).isEqualTo("Grace");
        });

        Instant nextUpdateBy = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);
        var promised = agent.post("/api/requests/" + requestId + "/promise",
                Map.of("nextUpdateBy", nextUpdateBy.toString(), "note", "Your bank is checking the second charge."));
        assertThat(promised.status()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            var page = ada.get("/api/requests/" + requestId);
            // absent until intake has the promise: an assertion that fails, so that the wait goes on
            assertThat(page.text("/nextUpdate/by")).isNotNull();
            assertThat(Instant.parse(page.text("/nextUpdate/by"))).isEqualTo(nextUpdateBy);
            assertThat(page.text("/nextUpdate/note")).isEqualTo("Your bank is checking the second charge.");
        });

        var resolved = agent.post("/api/requests/" + requestId + "/resolve",
                Map.of("summary", "Refunded the duplicate charge of 49.00."));
        assertThat(resolved.status()).isEqualTo(200);
        awaitMail("ada@example.com", reference, mail -> mail.body().contains("Refunded the duplicate charge"));

        ReceivedMail checkIn = awaitMail("ada@example.com", reference,
                mail -> CHECK_IN_LINK.matcher(mail.body()).find());
        Matcher link = CHECK_IN_LINK.matcher(checkIn.body());
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        checkInTokens.add(token);

        var answer = feedback.post("/api/check-ins/" + token, Map.of("csat", 5, "comment", "Quick and kind."));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(feedback.post("/api/check-ins/" + token, Map.of("csat", 1)).status()).isEqualTo(409);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var csat = feedback.as(token("agent", agentId, "Grace")).get("/api/agents/" + agentId + "/csat");
            assertThat(csat.text("/responses")).isEqualTo("1");
            assertThat(csat.body().get("csatPercent").asDouble()).isEqualTo(100.0);
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            var page = ada.get("/api/requests/" + requestId);
            assertThat(page.text("/status")).isEqualTo("RESOLVED");
            assertThat(page.body().get("nextUpdate").isNull()).isTrue();
            List<String> story = page.body().get("timeline").valueStream()
                    .map(step -> step.get("kind").asString()).toList();
            assertThat(story).containsSubsequence("SUBMITTED", "QUEUED", "ASSIGNED", "UPDATE_PROMISED", "RESOLVED",
                    "FEEDBACK");
            assertThat(story).filteredOn("NOTIFIED"::equals).hasSize(4);
            assertThat(story).contains("CHECK_IN");
        });

        var sent = notification.as(token("supervisor", "sam", "Sam")).get("/api/notifications?requestId=" + requestId);
        assertThat(sent.body().valueStream().map(record -> record.get("kind").asString()))
                .containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "OWNER_ASSIGNED", "RESOLVED", "CHECK_IN");
        assertThat(sent.body().valueStream().map(record -> record.get("status").asString())).containsOnly("SENT");
        assertThat(sent.body().valueStream().map(record -> record.get("recipient").asString()))
                .noneMatch(recipient -> recipient.contains("ada@example.com"));
    }

    @Test
    @Order(2)
    void aCustomerWhoPrefersSmsHearsBySms() {
        String agentId = availableAgent("Alan", "delivery");

        var submitted = intake.as(token("customer", "alan-" + UUID.randomUUID(), null)).post("/api/requests", """
                {"customer": {"name": "Alan Turing", "email": "alan@example.com", "phone": "+447700900456"},
                 "language": "en", "preferredChannel": "SMS", "category": "delivery",
                 "subject": "Parcel not arrived", "description": "Ordered two weeks ago."}""");
        assertThat(submitted.status()).isEqualTo(201);
        String reference = submitted.text("/reference");

        ReceivedSms acknowledgement = await().atMost(PATIENCE).until(() -> stack.sms().stream()
                .filter(sms -> sms.to().equals("+447700900456") && sms.body().contains(reference))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(acknowledgement.body()).hasSizeLessThanOrEqualTo(320);
        assertThat(routing.as(token("agent", agentId, "Alan")).get("/api/agents/" + agentId).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void anOwnerEscalatesToASeniorWhoTakesOverWithTheHandoffPacketAndTheStatusPageNeverShowsNoOwner() {
        String grace = availableAgent("Grace", "refunds");
        ApiClient asGrace = routing.as(token("agent", grace, "Grace"));
        ApiClient ada = intake.as(token("customer", "ada-" + UUID.randomUUID(), "Ada Lovelace"));
        var submitted = ada.post("/api/requests", """
                {"customer": {"name": "Ada Lovelace", "email": "ada@example.com"},
                 "language": "en", "preferredChannel": "EMAIL", "category": "refunds",
                 "subject": "Refund not received", "description": "I returned the lamp on 2 November.",
                 "accessibilityNotes": "Please write rather than call: I am hard of hearing."}""");
        assertThat(submitted.status()).isEqualTo(201);
        String requestId = submitted.text("/id");
        await().atMost(PATIENCE).until(() -> asGrace.get("/api/agents/" + grace + "/offers").body().valueStream()
                .anyMatch(offer -> offer.get("requestId").asString().equals(requestId)));
        assertThat(asGrace.post("/api/agents/" + grace + "/offers/" + requestId + "/accept", "").status())
                .isEqualTo(200);
        await().atMost(PATIENCE).until(() -> "Grace".equals(ada.get("/api/requests/" + requestId).text("/owner/name")));
        String maya = availableAgent("Maya", Map.of("name", "refunds", "proficiency", 5), 3);
        ApiClient asMaya = routing.as(token("agent", maya, "Maya"));

        var handed = asGrace.post("/api/requests/" + requestId + "/handoffs", Map.of("to", Map.of("tier", 3),
                "summary", "The return arrived on 4 November; the refund is stuck in approval.",
                "stepsTried", List.of("Checked the return: received", "Asked finance")));
        assertThat(handed.status()).isEqualTo(202);
        var offer = asMaya.get("/api/agents/" + maya + "/offers").body().get(0);
        assertThat(offer.at("/handoff/packet/customerWords").asString()).isEqualTo("I returned the lamp on 2 November.");
        assertThat(offer.at("/handoff/packet/accessibilityNotes").asString())
                .isEqualTo("Please write rather than call: I am hard of hearing.");
        List<String> ownersSeen = new ArrayList<>();
        ownersSeen.add(ada.get("/api/requests/" + requestId).text("/owner/name"));
        assertThat(asMaya.post("/api/agents/" + maya + "/offers/" + requestId + "/accept", "").status())
                .isEqualTo(200);

        await().atMost(PATIENCE).until(() -> {
            String owner = ada.get("/api/requests/" + requestId).text("/owner/name");
            ownersSeen.add(String.valueOf(owner));
            return "Maya".equals(owner);
        });
        assertThat(ownersSeen).as("the owners the status page showed, one look after another").first()
                .isEqualTo("Grace");
        assertThat(ownersSeen).as("never none").containsOnly("Grace", "Maya");
        var page = ada.get("/api/requests/" + requestId);
        assertThat(page.text("/status")).isEqualTo("ASSIGNED");
        assertThat(page.body().get("timeline").valueStream().map(step -> step.get("text").asString()))
                .contains("Maya, a senior specialist, has taken over your request. They have everything you told "
                        + "us, so you do not need to repeat yourself.");
    }

    @Test
    @Order(4)
    void theLogsOfEveryProcessNeverShowContactDetailsOrTokens() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(ADA_EMAIL, ALAN_EMAIL, ALAN_PHONE));
        secrets.addAll(tokensHandedOut);
        secrets.addAll(checkInTokens);
        assertThat(tokensHandedOut).as("the journeys above ran and used tokens").isNotEmpty();
        Path logs = stack.settings().dataDir().resolve("logs");
        List<Path> files;
        try (var listing = Files.list(logs)) {
            files = listing.filter(file -> file.toString().endsWith(".log")).toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString()).contains("intake-service.log",
                "routing-service.log", "notification-service.log", "feedback-service.log");
        for (Path file : files) {
            String log = Files.readString(file);
            assertThat(log).as(file.getFileName() + " is not empty").isNotBlank();
            for (String secret : secrets) {
                assertThat(log).as("%s must not contain %s", file.getFileName(),
                        secret.length() > 20 ? "a token" : secret).doesNotContain(secret);
            }
        }
    }

    /** A supervisor registers the agent under their login's subject; the agent goes available themselves. */
    private static String availableAgent(String name, String skill) {
        return availableAgent(name, skill, 1);
    }

    /** A supervisor registers the agent with the skill (a name, or a name and a proficiency), who goes available. */
    private static String availableAgent(String name, Object skill, int tier) {
        String id = name.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
        var agent = routing.as(token("supervisor", "sam", "Sam")).post("/api/agents", Map.of("id", id, "name", name,
                "skills", List.of(skill), "languages", List.of("en"), "tier", tier, "capacity", 2));
        assertThat(agent.status()).isEqualTo(201);
        assertThat(agent.text("/id")).isEqualTo(id);
        assertThat(routing.as(token("agent", id, name)).put("/api/agents/" + id + "/presence",
                Map.of("presence", "AVAILABLE")).status()).isEqualTo(200);
        return id;
    }

    /** A token from the local stack's issuer, obtained as the README tells a developer to. */
    private static String token(String role, String subject, String name) {
        String query = "/token?role=" + role + "&subject=" + subject
                + (name == null ? "" : "&name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        var answer = issuer.get(query);
        assertThat(answer.status()).isEqualTo(200);
        String token = answer.text("/access_token");
        tokensHandedOut.add(token);
        return token;
    }

    private static ReceivedMail awaitMail(String to, String reference, java.util.function.Predicate<ReceivedMail> what) {
        return await().atMost(PATIENCE).until(() -> stack.mail().stream()
                .filter(mail -> mail.to().equals(to) && mail.subject().contains(reference))
                .filter(what)
                .findFirst(), Optional::isPresent).orElseThrow();
    }
}
