package dev.tandem.local;

import dev.tandem.issuer.LocalIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SmsGatewayTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final String ACCOUNT = "AC00000000000000000000000000000000";

    private final HttpClient http = HttpClient.newHttpClient();
    private final SmsInbox inbox = new SmsInbox(Clock.fixed(NOW, ZoneOffset.UTC));
    private ToolsServer tools;
    private String baseUrl;

    @BeforeEach
    void startTools() {
        int port = Ports.free().tools();
        tools = ToolsServer.start(port, List::of, inbox, LocalIssuer.withNewKey("http://127.0.0.1/issuer"));
        baseUrl = Endpoints.http(port);
    }

    @AfterEach
    void stopTools() {
        tools.close();
        http.close();
    }

    @Test
    void acceptsAMessageTheWayTwilioDoes() throws Exception {
        HttpResponse<String> response = postMessage(form("To", "+15551234567", "From", "+15005550006",
                "Body", "Your request \"R-1\" is assigned.\nReply STOP to opt out — ✓"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(inbox.received()).singleElement().satisfies(sms -> {
            assertThat(sms.sid()).matches("SM[0-9a-f]{32}");
            assertThat(sms.to()).isEqualTo("+15551234567");
            assertThat(sms.from()).isEqualTo("+15005550006");
            assertThat(sms.body()).isEqualTo("Your request \"R-1\" is assigned.\nReply STOP to opt out — ✓");
            assertThat(sms.receivedAt()).isEqualTo(NOW);
            assertThat(response.body()).isEqualTo("{\"sid\":\"" + sms.sid() + "\",\"account_sid\":\"" + ACCOUNT + "\","
                    + "\"status\":\"queued\",\"to\":\"+15551234567\",\"from\":\"+15005550006\","
                    + "\"body\":\"Your request \\\"R-1\\\" is assigned.\\nReply STOP to opt out — ✓\"}");
        });
    }

    @Test
    void listsReceivedMessagesOldestFirst() throws Exception {
        postMessage(form("To", "+15550000001", "From", "+15005550006", "Body", "first"));
        postMessage(form("To", "+15550000002", "From", "+15005550006", "Body", "second"));

        HttpResponse<String> response = get("/sms");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        List<ReceivedSms> received = inbox.received();
        assertThat(response.body()).isEqualTo("[" + json(received.get(0)) + "," + json(received.get(1)) + "]");
        assertThat(received).extracting(ReceivedSms::body).containsExactly("first", "second");
    }

    @Test
    void rejectsAMessageWithoutRecipientLikeTwilio() throws Exception {
        HttpResponse<String> response = postMessage(form("From", "+15005550006", "Body", "hello"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":21604,\"message\":\"A 'To' phone number is required.\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/21604\",\"status\":400}");
        assertThat(inbox.received()).isEmpty();
    }

    @Test
    void rejectsAMessageWithoutBodyLikeTwilio() throws Exception {
        HttpResponse<String> response = postMessage(form("To", "+15551234567", "Body", " "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":21602", "\"message\":\"Message body is required.\"");
        assertThat(inbox.received()).isEmpty();
    }

    @Test
    void answersOnlyTheMessagesResource() throws Exception {
        HttpRequest otherResource = HttpRequest.newBuilder(URI.create(baseUrl + "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("To", "+15551234567", "Body", "hi")))
                .build();

        assertThat(http.send(otherResource, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(get("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json").statusCode()).isEqualTo(405);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(inbox.received()).isEmpty();
    }

    private HttpResponse<String> postMessage(String form) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((ACCOUNT + ":local").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String json(ReceivedSms sms) {
        return "{\"sid\":\"" + sms.sid() + "\",\"to\":\"" + sms.to() + "\",\"from\":\"" + sms.from()
                + "\",\"body\":\"" + sms.body() + "\",\"receivedAt\":\"2026-03-01T10:15:30Z\"}";
    }
}
