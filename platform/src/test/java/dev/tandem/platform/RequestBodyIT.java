package dev.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.platform.TicketController.OpenTicket;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.Tokens;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** Every API of every service refuses what it cannot take whole, says why, and stores nothing. */
@TandemIntegrationTest
class RequestBodyIT {

    @LocalServerPort
    int port;
    @Autowired
    TicketRepository tickets;
    @Autowired
    JsonMapper json;
    @Autowired
    WebServerApplicationContext server;

    private static final String TOKEN = Tokens.customer("ada");

    private ApiClient api;
    private long storedBefore;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port).as(TOKEN);
        storedBefore = tickets.count();
    }

    @AfterEach
    void nothingWasStoredUnlessTheTestSaysSo(TestInfo test) {
        if (!test.getTestMethod().orElseThrow().getName().startsWith("accepts")) {
            assertThat(tickets.count()).as("tickets stored").isEqualTo(storedBefore);
        }
    }

    @Test
    void acceptsABodyThatIsWhollyAcceptable() {
        var created = api.post("/api/tickets", """
                {"subject": "Printer on fire", "contact": {"email": "ada@example.com"},
                 "labels": {"floor": "3"}, "priority": 2, "urgency": "HIGH"}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(tickets.count()).isEqualTo(storedBefore + 1);
    }

    @Test
    void fieldsTheRequestDoesNotDeclareAreEachNamed() {
        var problem = api.post("/api/tickets", """
                {"subject": "Printer on fire", "colour": "red", "contact": {"email": "ada@example.com", "fax": "1"}}""");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errors(problem)).containsExactly(
                Map.entry("colour", "is not a field of this request"),
                Map.entry("contact.fax", "is not a field of this request"));
    }

    @Test
    void fieldsTheServerOwnsAreRefusedWithTheReason() {
        var problem = api.post("/api/tickets", """
                {"id": "t-1", "subject": "Printer on fire", "status": "CLOSED", "ownerId": "me"}""");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(errors(problem)).containsExactly(
                Map.entry("id", "is set by the server and cannot be sent"),
                Map.entry("ownerId", "is set by the server and cannot be sent"),
                Map.entry("status", "is set by the server and cannot be sent"));
    }

    @Test
    void keysThatStartWithDollarOrContainADotAreRefusedAtAnyDepth() {
        var problem = api.post("/api/tickets", """
                {"subject": "x", "labels": {"$where": "sleep(1000)", "a.b": "c", "fine": "yes"},
                 "contact": {"email": {"$ne": null}}}""");

        assertThat(problem.status()).isEqualTo(400);
        String unsafe = "is not an acceptable key: keys must not start with $ or contain a dot";
        assertThat(errors(problem)).containsExactly(
                Map.entry("contact.email", "must be text"),
                Map.entry("contact.email.$ne", unsafe),
                Map.entry("labels.$where", unsafe),
                Map.entry("labels[\"a.b\"]", unsafe));
    }

    @Test
    void valuesOfTheWrongKindAreEachNamedWithWhatTheyShouldBe() {
        var problem = api.post("/api/tickets", """
                {"subject": "x", "priority": "high", "urgency": "WHENEVER"}""");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(errors(problem)).containsExactly(
                Map.entry("priority", "must be a number"),
                Map.entry("urgency", "must be one of LOW, NORMAL, HIGH, CRITICAL"));
    }

    @Test
    void aValueOfTheWrongShapeIsNamed() {
        var problem = api.post("/api/tickets", """
                {"subject": ["x"], "colour": "red"}""");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(errors(problem)).containsExactly(
                Map.entry("colour", "is not a field of this request"),
                Map.entry("subject", "must be text"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        var problem = api.post("/api/tickets", "{\"subject\": \"x\",\n \"priority\": }");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.text("/detail")).startsWith("The body is not valid JSON").contains("line 2");
    }

    @Test
    void aBodyOfTheWrongShapeIsRefused() {
        var problem = api.post("/api/tickets", "[1, 2]");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.text("/detail")).isEqualTo("The body must be an object");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedFromItsContentLength() {
        var problem = api.post("/api/tickets", "{\"subject\": \"" + "x".repeat(64 * 1024) + "\"}");

        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.text("/detail")).isEqualTo("The body is larger than the 64 KB this API accepts");
        assertThat(problem.text("/instance")).isEqualTo("/api/tickets");
    }

    @Test
    void aChunkedBodyLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = postChunked("{\"subject\": \"" + "x".repeat(64 * 1024) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asString())
                .isEqualTo("The body is larger than the 64 KB this API accepts");
    }

    @Test
    void formPostsWhichTheServletContainerReadsItselfAreHeldToTheSameLimit() {
        Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getMaxPostSize()).isEqualTo(64 * 1024);
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() throws Exception {
        HttpResponse<String> response = postChunked("{\"subject\": \"" + "x".repeat(60 * 1024) + "\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(tickets.count()).isEqualTo(storedBefore + 1);
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIsRefused() throws Exception {
        HttpResponse<String> response = post("text/plain", "subject=x");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asString())
                .isEqualTo("Content-Type text/plain is not accepted here; send application/json");
    }

    @Test
    void aBodyWithoutAContentTypeIsRefused() throws Exception {
        HttpResponse<String> response = post(null, "{\"subject\": \"x\"}");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json.readTree(response.body()).get("detail").asString())
                .isEqualTo("The request has no Content-Type; send application/json");
    }

    @Test
    void readersOfOtherServicesAnswersStayTolerant() {
        OpenTicket read = json.readValue("{\"subject\": \"x\", \"addedLater\": true}", OpenTicket.class);

        assertThat(read.subject()).isEqualTo("x");
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postChunked(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/tickets"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Map.Entry<String, String>> errors(ApiClient.Response problem) {
        return problem.body().get("errors").valueStream()
                .map(error -> Map.entry(error.get("field").asString(), error.get("reason").asString()))
                .toList();
    }
}
