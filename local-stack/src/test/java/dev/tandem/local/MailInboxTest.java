package dev.tandem.local;

import dev.tandem.issuer.LocalIssuer;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MailInboxTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final SmsInbox sms = new SmsInbox(Clock.systemUTC());
    private ServerSetup smtp;
    private MailServer mailServer;
    private ToolsServer tools;
    private String toolsUrl;

    @BeforeEach
    void startServers() {
        Ports ports = Ports.free();
        smtp = new ServerSetup(ports.smtp(), Endpoints.HOST, ServerSetup.PROTOCOL_SMTP);
        mailServer = MailServer.start(ports.smtp());
        tools = ToolsServer.start(ports.tools(), mailServer::received, sms, LocalIssuer.withNewKey("http://127.0.0.1/issuer"));
        toolsUrl = Endpoints.http(ports.tools());
    }

    @AfterEach
    void stopServers() {
        tools.close();
        mailServer.close();
        http.close();
    }

    @Test
    void listsTheMailWhileMoreArrives() throws Exception {
        int count = 100;
        Thread sender = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                GreenMailUtil.sendTextEmail("ada@example.com", "tandem@example.com", "Update " + i, "Still on it.", smtp);
            }
        });
        sender.start();

        // each look at the inbox reads it while the sender adds to it, and must not fail
        await().atMost(Duration.ofSeconds(60)).until(() -> mailServer.received().size() == count);
        sender.join();
    }

    @Test
    void receivesMailForAnyRecipientAndListsItAsJson() throws Exception {
        Instant before = Instant.now();
        GreenMailUtil.sendTextEmail("ada@example.com", "tandem@example.com", "Your request R-1",
                "We received \"R-1\".\nThank you — Tandem", smtp);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(mailServer.received()).hasSize(1));
        ReceivedMail mail = mailServer.received().getFirst();
        assertThat(mail.to()).isEqualTo("ada@example.com");
        assertThat(mail.from()).isEqualTo("tandem@example.com");
        assertThat(mail.subject()).isEqualTo("Your request R-1");
        assertThat(mail.body()).isEqualToNormalizingNewlines("We received \"R-1\".\nThank you — Tandem");
        assertThat(mail.receivedAt()).isBetween(before.minusSeconds(1), Instant.now());

        HttpResponse<String> response = get("/mail");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("[{\"to\":\"ada@example.com\",\"from\":\"tandem@example.com\","
                + "\"subject\":\"Your request R-1\",\"body\":" + Json.quote(mail.body()) + ","
                + "\"receivedAt\":\"" + DateTimeFormatter.ISO_INSTANT.format(mail.receivedAt()) + "\"}]");
    }

    @Test
    void givesEachRecipientItsOwnEntryWithThePlainTextOfAMultipartMail() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(smtp.configureJavaMailSessionProperties(null, false)));
        message.setFrom(new InternetAddress("tandem@example.com", "Tandem Support"));
        message.setRecipients(Message.RecipientType.TO, "ada@example.com");
        message.setRecipients(Message.RecipientType.BCC, "audit@example.com");
        message.setSubject("Check-in", "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part("How did we do? Answer here: http://127.0.0.1/c/1", "plain"));
        alternative.addBodyPart(part("<p>How did we do? <a href=\"http://127.0.0.1/c/1\">Answer here</a></p>", "html"));
        message.setContent(alternative);
        Transport.send(message);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(mailServer.received()).hasSize(2));
        assertThat(mailServer.received())
                .extracting(ReceivedMail::to)
                .containsExactlyInAnyOrder("ada@example.com", "audit@example.com");
        assertThat(mailServer.received()).allSatisfy(mail -> {
            assertThat(mail.from()).isEqualTo("Tandem Support <tandem@example.com>");
            assertThat(mail.body()).isEqualTo("How did we do? Answer here: http://127.0.0.1/c/1");
        });
    }

    @Test
    void readsAnHtmlOnlyMailAsText() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(smtp.configureJavaMailSessionProperties(null, false)));
        message.setFrom("tandem@example.com");
        message.setRecipients(Message.RecipientType.TO, "ada@example.com");
        message.setSubject("Resolved");
        message.setContent("<h1>Resolved</h1><p>Your request R-1 &amp; its follow-up are done.</p>", "text/html; charset=UTF-8");
        Transport.send(message);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(mailServer.received()).hasSize(1));
        assertThat(mailServer.received().getFirst().body()).isEqualTo("Resolved\nYour request R-1 & its follow-up are done.");
    }

    @Test
    void showsMailAndTextMessagesOnAPageForPeople() throws Exception {
        GreenMailUtil.sendTextEmail("ada@example.com", "tandem@example.com", "<b>Hello</b>", "body", smtp);
        sms.accept("+15551234567", "+15005550006", "Your code & more");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(mailServer.received()).hasSize(1));

        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("Mail (1)", "&lt;b&gt;Hello&lt;/b&gt;", "ada@example.com",
                "SMS (1)", "+15551234567", "Your code &amp; more");
    }

    private static MimeBodyPart part(String text, String subtype) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(toolsUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
