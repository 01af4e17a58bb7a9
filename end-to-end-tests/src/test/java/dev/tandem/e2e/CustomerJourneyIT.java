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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system from its jars: Kafka, the store, SMTP, the SMS gateway stand-in and the four services as
 * separate processes, driven only through their HTTP APIs and the customer's inboxes.
 */
class CustomerJourneyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern CHECK_IN_LINK = Pattern.compile("https?://\\S+/check-ins/([A-Za-z0-9._-]+)");

    private static LocalStack stack;
    private static ApiClient intake;
    private static ApiClient routing;
    private static ApiClient notification;
    private static ApiClient feedback;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path repo = Path.of(System.getProperty("tandem.repo", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("tandem-e2e");
        stack = new LocalStack(LocalStack.Settings.onFreePorts(repo, data).withReadinessTimeout(Duration.ofSeconds(180)));
        Endpoints endpoints = stack.start();
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
    void aRequestTravelsFromSubmissionToOwnerToResolutionToCheckIn() {
        String agentId = availableAgent("Grace", "billing");

        var submitted = intake.post("/api/requests", """
                {"customer": {"name": "Ada Lovelace", "email": "ada@example.com"},
                 "language": "en", "preferredChannel": "EMAIL", "category": "billing",
                 "subject": "Charged twice for October",
                 "description": "My statement shows two charges of 49.00.", "urgency": "HIGH"}""",
                Map.of("X-Correlation-Id", "e2e-journey-1"));
        assertThat(submitted.status()).isEqualTo(201);
        String requestId = submitted.text("/id");
        String reference = submitted.text("/reference");

        ReceivedMail acknowledgement = awaitMail("ada@example.com", reference, mail -> true);
        assertThat(acknowledgement.body()).contains("Ada");

        await().atMost(PATIENCE).until(() -> routing.get("/api/agents/" + agentId + "/offers").body()
                .valueStream().anyMatch(offer -> offer.get("requestId").asString().equals(requestId)));
        var accepted = routing.post("/api/agents/" + agentId + "/offers/" + requestId + "/accept", "");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("/status")).isEqualTo("ASSIGNED");

        awaitMail("ada@example.com", reference, mail -> mail.body().contains("Grace"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            var page = intake.get("/api/requests/" + requestId);
            assertThat(page.text("/status")).isEqualTo("ASSIGNED");
            assertThat(page.text("/owner/name")).isEqualTo("Grace");
        });

        var resolved = routing.post("/api/requests/" + requestId + "/resolve", Map.of("agentId", agentId,
                "summary", "Refunded the duplicate charge of 49.00."));
        assertThat(resolved.status()).isEqualTo(200);
        awaitMail("ada@example.com", reference, mail -> mail.body().contains("Refunded the duplicate charge"));

        ReceivedMail checkIn = awaitMail("ada@example.com", reference,
                mail -> CHECK_IN_LINK.matcher(mail.body()).find());
        Matcher link = CHECK_IN_LINK.matcher(checkIn.body());
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        var answer = feedback.post("/api/check-ins/" + token, Map.of("csat", 5, "comment", "Quick and kind."));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(feedback.post("/api/check-ins/" + token, Map.of("csat", 1)).status()).isEqualTo(409);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var csat = feedback.get("/api/agents/" + agentId + "/csat");
            assertThat(csat.text("/responses")).isEqualTo("1");
            assertThat(csat.body().get("csatPercent").asDouble()).isEqualTo(100.0);
        });

        await().atMost(PATIENCE).untilAsserted(() -> {
            var page = intake.get("/api/requests/" + requestId);
            assertThat(page.text("/status")).isEqualTo("RESOLVED");
            List<String> story = page.body().get("timeline").valueStream()
                    .map(step -> step.get("kind").asString()).toList();
            assertThat(story).containsSubsequence("SUBMITTED", "QUEUED", "ASSIGNED", "RESOLVED", "FEEDBACK");
            assertThat(story).filteredOn("NOTIFIED"::equals).hasSize(4);
            assertThat(story).contains("CHECK_IN");
        });

        var sent = notification.get("/api/notifications?requestId=" + requestId);
        assertThat(sent.body().valueStream().map(record -> record.get("kind").asString()))
                .containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "OWNER_ASSIGNED", "RESOLVED", "CHECK_IN");
        assertThat(sent.body().valueStream().map(record -> record.get("status").asString())).containsOnly("SENT");
        assertThat(sent.body().valueStream().map(record -> record.get("recipient").asString()))
                .noneMatch(recipient -> recipient.contains("ada@example.com"));
    }

    @Test
    void aCustomerWhoPrefersSmsHearsBySms() {
        String agentId = availableAgent("Alan", "delivery");

        var submitted = intake.post("/api/requests", """
                {"customer": {"name": "Alan Turing", "email": "alan@example.com", "phone": "+447700900456"},
                 "language": "en", "preferredChannel": "SMS", "category": "delivery",
                 "subject": "Parcel not arrived", "description": "Ordered two weeks ago."}""");
        assertThat(submitted.status()).isEqualTo(201);
        String reference = submitted.text("/reference");

        ReceivedSms acknowledgement = await().atMost(PATIENCE).until(() -> stack.sms().stream()
                .filter(sms -> sms.to().equals("+447700900456") && sms.body().contains(reference))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(acknowledgement.body()).hasSizeLessThanOrEqualTo(320);
        assertThat(routing.get("/api/agents/" + agentId).status()).isEqualTo(200);
    }

    private static String availableAgent(String name, String skill) {
        var agent = routing.post("/api/agents", Map.of("name", name, "skills", List.of(skill),
                "languages", List.of("en"), "capacity", 2));
        assertThat(agent.status()).isEqualTo(201);
        String id = agent.text("/id");
        assertThat(routing.put("/api/agents/" + id + "/presence", Map.of("presence", "AVAILABLE")).status())
                .isEqualTo(200);
        return id;
    }

    private static ReceivedMail awaitMail(String to, String reference, java.util.function.Predicate<ReceivedMail> what) {
        return await().atMost(PATIENCE).until(() -> stack.mail().stream()
                .filter(mail -> mail.to().equals(to) && mail.subject().contains(reference))
                .filter(what)
                .findFirst(), Optional::isPresent).orElseThrow();
    }
}
