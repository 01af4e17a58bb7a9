package dev.tandem.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.TandemEvent;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.feedback.CheckInIssued;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.notification.CustomerNotified;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.contracts.notification.NotificationEvent;
import dev.tandem.contracts.routing.HandoffKind;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestReleased;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RequestTransferred;
import dev.tandem.notification.channel.Delivery;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import dev.tandem.testsupport.TopicProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against real parts: events on the shared Kafka broker, its own database, a real SMTP server
 * (GreenMail) and a real HTTP SMS gateway (WireMock speaking the Twilio Messages API).
 */
@TandemIntegrationTest
class NotificationIT {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String ROUTING_DEAD_LETTERS = "error." + Topics.ROUTING_ASSIGNMENTS + ".notification-service";
    // generous: while one test's orphan event waits for its request (about 16 s), routing events queue behind it
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    // one SMTP server for the whole class: the application context keeps talking to the port it was given
    @RegisterExtension
    static final GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @RegisterExtension
    static final WireMockExtension smsGateway = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
        registry.add("tandem.notification.sms.base-url", smsGateway::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry circuitBreakers;
    @Autowired
    RateLimiterRegistry rateLimiters;
    @Autowired
    NotificationRepository notifications;

    private final TopicProbe topics = new TopicProbe();
    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port).as(Tokens.supervisor());
        // every test starts with healthy channels, whatever the one before did to them
        circuitBreakers.getAllCircuitBreakers().forEach(circuitBreaker -> circuitBreaker.reset());
    }

    @Test
    void acknowledgesANewRequestByEmailWithItsReference() throws Exception {
        RequestSubmitted submitted = Events.submitted("Ada Lovelace", Events.email("ada"), null, "en", Channel.EMAIL);

        publish(submitted);

        MimeMessage email = awaitEmails(submitted.customer().email(), 1).getFirst();
        assertThat(email.getSubject()).isEqualTo("[" + submitted.reference() + "] We have received your request");
        assertThat(recipientsOf(email)).containsExactly(submitted.customer().email());
        assertThat(((InternetAddress) email.getFrom()[0]).getAddress()).isEqualTo("support@tandem.local");
        assertThat(bodyOf(email)).startsWith("Hello Ada Lovelace,")
                .contains("given it the reference " + submitted.reference())
                .contains("What happens next:");
    }

    @Test
    void writesToAGermanSpeakingCustomerInGerman() throws Exception {
        RequestSubmitted submitted = Events.submitted("Jürgen Müller", Events.email("juergen"), null, "de-AT",
                Channel.EMAIL);

        publish(submitted);

        MimeMessage email = awaitEmails(submitted.customer().email(), 1).getFirst();
        assertThat(email.getSubject()).isEqualTo("[" + submitted.reference() + "] Wir haben Ihre Anfrage erhalten");
        assertThat(bodyOf(email)).startsWith("Guten Tag Jürgen Müller,");
    }

    @Test
    void namesTheOwnerAndThenSendsTheResolutionSummary() throws Exception {
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);
        publish(submitted);

        publish(Events.assigned(submitted, "Grace Hopper"));
        publish(Events.resolved(submitted, "We refunded the second charge of 42.00 EUR."));

        List<MimeMessage> emails = awaitEmails(submitted.customer().email(), 3);
        MimeMessage owner = withSubject(emails, "is now looking after your request");
        assertThat(owner.getSubject())
                .isEqualTo("[" + submitted.reference() + "] Grace Hopper is now looking after your request");
        assertThat(bodyOf(owner)).contains("Grace Hopper has taken on your request " + submitted.reference());
        MimeMessage resolution = withSubject(emails, "has been resolved");
        assertThat(bodyOf(resolution)).contains("What we did:\nWe refunded the second charge of 42.00 EUR.");
    }

    @Test
    void sendsTheCheckInLinkWhole() throws Exception {
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);
        publish(submitted);
        String link = "https://feedback.tandem.local/check-ins/c-1?token=abc.def.ghi";

        publish(new CheckInIssued(EventMetadata.of(submitted.requestId(), "corr-check-in", Instant.now()), "c-1",
                link, Instant.now().plus(Duration.ofDays(7))));

        MimeMessage checkIn = awaitEmailWithSubject(submitted.customer().email(), "How did we do?");
        assertThat(bodyOf(checkIn)).contains("\n" + link + "\n");
    }

    @Test
    void textsACustomerWhoPrefersSmsThroughTheGateway() {
        String phone = Events.phone();
        smsGateway.stubFor(post(urlEqualTo(MESSAGES)).withFormParam("To", equalTo(phone))
                .willReturn(okJson("{\"sid\": \"SM0123456789abcdef\", \"status\": \"queued\", \"to\": \"" + phone
                        + "\"}").withStatus(201)));
        AtomicInteger permitsTaken = new AtomicInteger();
        rateLimiters.rateLimiter("sms").getEventPublisher().onSuccess(event -> permitsTaken.incrementAndGet());
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), phone, "en", Channel.SMS);

        publish(submitted);

        NotificationView notification = awaitNotification(submitted, MessageKind.ACKNOWLEDGEMENT, "SENT");
        smsGateway.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withBasicAuth(new BasicCredentials(ACCOUNT_SID, "local"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("To", equalTo(phone))
                .withFormParam("From", equalTo("+15005550006"))
                .withFormParam("Body", containing("we have received your request " + submitted.reference())));
        assertThat(notification.channel()).isEqualTo(Channel.SMS);
        assertThat(notification.providerMessageId()).isEqualTo("SM0123456789abcdef");
        assertThat(notification.recipient()).isEqualTo(phone.substring(0, 3) + "*******" + phone.substring(10));
        assertThat(notification.attempts()).isEqualTo(1);
        assertThat(permitsTaken).as("the SMS rate limiter was asked").hasValue(1);
        assertThat(emailsTo(submitted.customer().email())).isEmpty();
    }

    @Test
    void fallsBackToEmailWhenTheSmsGatewayKeepsFailing() throws Exception {
        String phone = Events.phone();
        smsGateway.stubFor(post(urlEqualTo(MESSAGES)).withFormParam("To", equalTo(phone))
                .willReturn(aResponse().withStatus(503).withBody("{\"message\": \"" + phone + " unavailable\"}")));
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), phone, "en", Channel.SMS);

        publish(submitted);

        MimeMessage email = awaitEmails(submitted.customer().email(), 1).getFirst();
        assertThat(email.getSubject()).contains(submitted.reference());
        smsGateway.verify(3, postRequestedFor(urlEqualTo(MESSAGES)).withFormParam("To", equalTo(phone)));
        NotificationView notification = awaitNotification(submitted, MessageKind.ACKNOWLEDGEMENT, "SENT");
        assertThat(notification.channel()).isEqualTo(Channel.EMAIL);
        assertThat(notification.attempts()).isEqualTo(4);
        assertThat(notification.recipient()).isEqualTo("a***@example.com");
        assertThat(notification.failureReason()).isEqualTo("SMS: SMS gateway answered 503").doesNotContain(phone);
        assertThat(notification.providerMessageId()).isEqualTo(email.getMessageID());
    }

    @Test
    void skipsTheSmsGatewayWhileItsCircuitIsOpen() throws Exception {
        String phone = Events.phone();
        circuitBreakers.circuitBreaker("sms").transitionToOpenState();
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), phone, "en", Channel.SMS);

        publish(submitted);

        awaitEmails(submitted.customer().email(), 1);
        smsGateway.verify(0, postRequestedFor(urlEqualTo(MESSAGES)).withFormParam("To", equalTo(phone)));
        NotificationView notification = awaitNotification(submitted, MessageKind.ACKNOWLEDGEMENT, "SENT");
        assertThat(notification.channel()).isEqualTo(Channel.EMAIL);
        assertThat(notification.failureReason()).isEqualTo("SMS: circuit breaker is open");
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneEmail() throws Exception {
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);
        publish(submitted);
        RequestAssigned assigned = Events.assigned(submitted, "Grace Hopper");

        publish(assigned);
        publish(assigned);
        // same topic and key as the duplicate, so it is handled after it: once it is here, so is the duplicate
        publish(Events.resolved(submitted, "Done."));

        awaitEmailWithSubject(submitted.customer().email(), "has been resolved");
        assertThat(emailsTo(submitted.customer().email()))
                .filteredOn(email -> subjectOf(email).contains("is now looking after")).hasSize(1);
    }

    @Test
    void aMessageAlreadySentBeforeACrashIsNotSentAgain() throws Exception {
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);
        publish(submitted);
        awaitEmails(submitted.customer().email(), 1);
        RequestAssigned assigned = Events.assigned(submitted, "Grace Hopper");
        // the state a crash leaves behind after the email went out and before the inbox remembered the event
        Notification sentBeforeTheCrash = Notification.pending(assigned, MessageKind.OWNER_ASSIGNED, Channel.EMAIL,
                "a***@example.com", Instant.now());
        sentBeforeTheCrash.settle(new Delivery.Sent(Channel.EMAIL, "a***@example.com", "<before-crash@tandem>", 1,
                null), Instant.now());
        notifications.insert(sentBeforeTheCrash);

        publish(assigned);
        publish(Events.resolved(submitted, "Done."));

        awaitEmailWithSubject(submitted.customer().email(), "has been resolved");
        assertThat(emailsTo(submitted.customer().email()))
                .noneMatch(email -> subjectOf(email).contains("is now looking after"));
    }

    @Test
    void aMessageLeftPendingByACrashIsSentOnRedelivery() throws Exception {
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);
        publish(submitted);
        awaitEmails(submitted.customer().email(), 1);
        RequestAssigned assigned = Events.assigned(submitted, "Grace Hopper");
        notifications.insert(Notification.pending(assigned, MessageKind.OWNER_ASSIGNED, Channel.EMAIL,
                "a***@example.com", Instant.now()));

        publish(assigned);

        awaitEmailWithSubject(submitted.customer().email(), "is now looking after");
        assertThat(awaitNotification(submitted, MessageKind.OWNER_ASSIGNED, "SENT").id())
                .isEqualTo(assigned.eventId() + ":OWNER_ASSIGNED");
    }

    @Test
    void anEventThatOvertakesItsRequestIsHandledOnceTheRequestArrives() throws Exception {
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);

        publish(Events.assigned(submitted, "Grace Hopper"));
        publish(submitted);

        awaitEmailWithSubject(submitted.customer().email(), "Grace Hopper is now looking after");
    }

    @Test
    void routingEventsWithNothingToTellTheCustomerAreSkippedNotDeadLetteredWhetherKnownOrNot() throws Exception {
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);
        String requestId = submitted.requestId();
        publish(submitted);
        awaitNotification(submitted, MessageKind.ACKNOWLEDGEMENT, "SENT");
        QueuePositionChanged moved = new QueuePositionChanged(EventMetadata.of(requestId, "c", Instant.now()),
                "billing", "en", 2, Duration.ofMinutes(8));
        String fromANewerRouting = """
                {"type": "RequestTeleported", "metadata": {"eventId": "teleported-%s", "schemaVersion": 1,
                 "occurredAt": "2026-11-02T09:15:30Z", "requestId": "%s", "correlationId": "c"}}"""
                .formatted(requestId, requestId);
        // the status page shows who took a request over, and that its owner went away; no message tells of them yet
        RequestReleased released = new RequestReleased(EventMetadata.of(requestId, "c", Instant.now()), "agent-7",
                "Alan", Instant.now());
        RequestTransferred transferred = new RequestTransferred(EventMetadata.of(requestId, "c", Instant.now()),
                HandoffKind.OWNER_GONE, "agent-7", "Alan", "agent-8", "Ada", 3, "a senior in billing");

        topics.send(Topics.ROUTING_ASSIGNMENTS, requestId, EventCodec.encode(moved));
        topics.send(Topics.ROUTING_ASSIGNMENTS, requestId, fromANewerRouting);
        topics.send(Topics.ROUTING_ASSIGNMENTS, requestId, EventCodec.encode(released));
        topics.send(Topics.ROUTING_ASSIGNMENTS, requestId, EventCodec.encode(transferred));
        publish(Events.assigned(submitted, "Grace Hopper"));

        awaitEmailWithSubject(submitted.customer().email(), "Grace Hopper is now looking after");
        // the assignment came after them on their partition: a dead letter of any would be there by now
        assertThat(topics.readAll(ROUTING_DEAD_LETTERS, record -> requestId.equals(record.key()))).isEmpty();
        assertThat(notifications.findByRequestIdOrderByCreatedAtAsc(requestId))
                .extracting(Notification::kind)
                .containsExactly(MessageKind.ACKNOWLEDGEMENT, MessageKind.OWNER_ASSIGNED);
    }

    @Test
    void anEventWhoseRequestNeverArrivesIsRetriedThenDeadLetteredNotDropped() {
        RequestSubmitted neverPublished = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);
        RequestAssigned orphan = Events.assigned(neverPublished, "Grace Hopper");

        publish(orphan);

        var deadLetter = topics.awaitRecord(ROUTING_DEAD_LETTERS,
                candidate -> candidate.value().contains(orphan.eventId()));
        assertThat(deadLetter.key()).isEqualTo(orphan.requestId());
        assertThat(TopicProbe.header(deadLetter, "x-exception-message"))
                .contains("No recipient yet for request " + orphan.requestId());
        assertThat(notifications.findByRequestIdOrderByCreatedAtAsc(orphan.requestId())).isEmpty();
    }

    @Test
    void tellsTheOtherServicesThatTheCustomerWasNotified() {
        RequestSubmitted submitted = Events.submitted("Ada", Events.email("ada"), null, "en", Channel.EMAIL);

        publish(submitted);

        var record = topics.awaitRecord(Topics.NOTIFICATION_DELIVERIES,
                candidate -> submitted.requestId().equals(candidate.key()));
        CustomerNotified notified = (CustomerNotified) EventCodec.decode(record.value(), NotificationEvent.class)
                .orElseThrow();
        assertThat(notified.metadata().correlationId()).isEqualTo(submitted.metadata().correlationId());
        assertThat(notified.notificationId()).isEqualTo(submitted.eventId() + ":ACKNOWLEDGEMENT");
        assertThat(notified.kind()).isEqualTo(MessageKind.ACKNOWLEDGEMENT);
        assertThat(notified.channel()).isEqualTo(Channel.EMAIL);
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("CustomerNotified");
        assertThat(record.value()).doesNotContain(submitted.customer().email());
    }

    @Test
    void listsTheNotificationsOfARequestWithMaskedRecipients() {
        String email = Events.email("ada");
        RequestSubmitted submitted = Events.submitted("Ada", email, null, "en", Channel.EMAIL);
        publish(submitted);
        publish(Events.assigned(submitted, "Grace Hopper"));
        awaitNotification(submitted, MessageKind.OWNER_ASSIGNED, "SENT");

        var list = api.get("/api/notifications?requestId=" + submitted.requestId());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().size()).isEqualTo(2);
        assertThat(list.body().get(0).propertyNames()).containsExactly("id", "requestId", "kind", "channel", "status",
                "attempts", "recipient", "providerMessageId", "failureReason", "createdAt", "sentAt");
        assertThat(list.text("/0/kind")).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(list.text("/1/kind")).isEqualTo("OWNER_ASSIGNED");
        assertThat(list.text("/1/requestId")).isEqualTo(submitted.requestId());
        assertThat(list.text("/1/channel")).isEqualTo("EMAIL");
        assertThat(list.text("/1/status")).isEqualTo("SENT");
        assertThat(list.body().at("/1/attempts").asInt()).isEqualTo(1);
        assertThat(list.text("/1/recipient")).isEqualTo("a***@example.com");
        assertThat(list.text("/1/providerMessageId")).endsWith("@tandem.notification>");
        assertThat(list.text("/1/failureReason")).isNull();
        assertThat(Instant.parse(list.text("/1/sentAt"))).isAfterOrEqualTo(Instant.parse(list.text("/1/createdAt")));
        assertThat(list.body().toString()).doesNotContain(email);

        var one = api.get("/api/notifications/" + list.text("/1/id"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).isEqualTo(list.body().get(1));
    }

    @Test
    void theRequestIdIsRequiredAndAnUnknownNotificationIsNotFound() {
        var missing = api.get("/api/notifications");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.text("/detail")).contains("requestId");

        assertThat(api.get("/api/notifications?requestId=").status()).isEqualTo(400);

        var unknown = api.get("/api/notifications/no-such-notification");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/detail")).isEqualTo("No notification with id no-such-notification");
    }

    private void publish(TandemEvent event) {
        String topic = switch (event) {
            case RequestSubmitted submitted -> Topics.INTAKE_REQUESTS;
            case RequestAssigned assigned -> Topics.ROUTING_ASSIGNMENTS;
            case RequestResolved resolved -> Topics.ROUTING_ASSIGNMENTS;
            case CheckInIssued issued -> Topics.FEEDBACK_CHECKINS;
            default -> throw new IllegalArgumentException("No topic for " + event.type());
        };
        topics.send(topic, event.requestId(), EventCodec.encode(event));
    }

    private NotificationView awaitNotification(RequestSubmitted submitted, MessageKind kind, String status) {
        var found = await().atMost(PATIENCE).until(
                () -> notifications.findByRequestIdOrderByCreatedAtAsc(submitted.requestId()).stream()
                        .filter(notification -> notification.kind() == kind)
                        .filter(notification -> notification.status().name().equals(status))
                        .findFirst(),
                Optional::isPresent);
        return NotificationView.of(found.orElseThrow());
    }

    private static List<MimeMessage> awaitEmails(String address, int count) {
        return await().atMost(PATIENCE).until(() -> emailsTo(address), emails -> emails.size() >= count);
    }

    private static MimeMessage awaitEmailWithSubject(String address, String part) {
        return await().atMost(PATIENCE).until(() -> emailsTo(address), emails -> emails.stream()
                .anyMatch(email -> subjectOf(email).contains(part))).stream()
                .filter(email -> subjectOf(email).contains(part)).findFirst().orElseThrow();
    }

    private static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(email -> recipientsOf(email).contains(address))
                .toList();
    }

    private static MimeMessage withSubject(List<MimeMessage> emails, String part) {
        return emails.stream().filter(email -> subjectOf(email).contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("No email with '" + part + "' in its subject"));
    }

    private static List<String> recipientsOf(MimeMessage email) {
        try {
            Address[] recipients = email.getAllRecipients();
            return recipients == null ? List.of()
                    : Arrays.stream(recipients).map(address -> ((InternetAddress) address).getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage email) {
        try {
            return email.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bodyOf(MimeMessage email) throws MessagingException, IOException {
        return ((String) email.getContent()).replace("\r\n", "\n");
    }
}
