package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a submission may carry, and that every refusal names the field, says why, and stores nothing. */
@TandemIntegrationTest
class SubmissionRulesIT extends AbstractFrontEndIT {

    private static final String OWN_WORDS = "  Charged twice 🙂\r\n\tonce on the 3rd,\n once on the 4th.  \n";

    private long storedBefore;

    @BeforeEach
    void setUp() {
        storedBefore = requests.count();
    }

    @AfterEach
    void aRefusalStoresNothing(TestInfo test) {
        if (!test.getTestMethod().orElseThrow().getName().startsWith("aSubmission")) {
            assertThat(requests.count()).as("requests stored").isEqualTo(storedBefore);
        }
    }

    @Test
    void aSubmissionKeepsTheCustomersWordsAndWishesExactlyAsSent() {
        Map<String, Object> body = submission();
        body.put("description", OWN_WORDS);
        body.put("quietHours", Map.of("from", "21:00", "to", "08:00", "timeZone", "Europe/Berlin"));
        body.put("accessibilityNotes", " I am hard of hearing:\nplease write rather than call. ");

        var created = api.post("/api/requests", body);

        assertThat(created.status()).isEqualTo(201);
        var page = api.get("/api/requests/" + created.text("/id"));
        for (var view : List.of(created, page)) {
            assertThat(view.text("/description")).isEqualTo(OWN_WORDS);
            assertThat(view.text("/accessibilityNotes")).isEqualTo(" I am hard of hearing:\nplease write rather than call. ");
            assertThat(view.text("/quietHours/from")).isEqualTo("21:00");
            assertThat(view.text("/quietHours/to")).isEqualTo("08:00");
            assertThat(view.text("/quietHours/timeZone")).isEqualTo("Europe/Berlin");
            assertThat(view.text("/language")).isEqualTo("de");
            assertThat(view.text("/preferredChannel")).isEqualTo("SMS");
        }
        var record = topics.awaitRecord(Topics.INTAKE_REQUESTS, candidate -> created.text("/id").equals(candidate.key()));
        RequestSubmitted event = (RequestSubmitted) EventCodec.decode(record.value(), IntakeEvent.class).orElseThrow();
        assertThat(event.description()).isEqualTo(OWN_WORDS);
        assertThat(event.accessibilityNotes()).isEqualTo(" I am hard of hearing:\nplease write rather than call. ");
        assertThat(event.quietHours()).isEqualTo(
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Europe/Berlin")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "reference", "status", "ownerId", "customerId"})
    void aFieldTheServerSetsIsRefused(String field) {
        Map<String, Object> body = submission();
        body.put(field, "chosen-by-the-caller");

        var problem = api.post("/api/requests", body);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(errors(problem)).containsExactly(Map.entry(field, "is set by the server and cannot be sent"));
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefused() {
        Map<String, Object> body = submission();
        body.put("priority", "VIP");
        body.put("customer", Map.of("name", "Ada", "email", "ada@example.com", "phone", "+447700900123",
                "vip", true));

        var problem = api.post("/api/requests", body);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(errors(problem)).containsExactly(
                Map.entry("customer.vip", "is not a field of this request"),
                Map.entry("priority", "is not a field of this request"));
    }

    @Test
    void keysThatCouldSteerTheStoreAreRefused() {
        Map<String, Object> body = submission();
        body.put("customer", Map.of("name", "Ada", "email", Map.of("$ne", ""), "phone", "+447700900123"));
        body.put("a.b", "c");

        var problem = api.post("/api/requests", body);

        assertThat(problem.status()).isEqualTo(400);
        String unsafe = "is not an acceptable key: keys must not start with $ or contain a dot";
        assertThat(errors(problem)).contains(Map.entry("[\"a.b\"]", unsafe), Map.entry("customer.email.$ne", unsafe));
    }

    @Test
    void aSubjectOfMoreThanOneLineIsRefused() {
        Map<String, Object> body = submission();
        body.put("subject", "Charged twice\r\nBcc: everyone@example.com");

        var problem = api.post("/api/requests", body);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(errors(problem)).containsExactly(Map.entry("subject", "must be one line: no CR or LF"));
    }

    @Test
    void quietHoursMustBeTimesOfDayInARealZoneAndNotEndWhenTheyBegin() {
        Map<String, Object> badTimes = submission();
        badTimes.put("quietHours", Map.of("from", "25:00", "to", "8pm", "timeZone", "Europe/Berlin"));
        Map<String, Object> badSpan = submission();
        badSpan.put("quietHours", Map.of("from", "21:00", "to", "21:00", "timeZone", "Mars/Olympus_Mons"));

        assertThat(errors(api.post("/api/requests", badTimes))).containsExactly(
                Map.entry("quietHours.from", "must be a time of day such as 21:00"),
                Map.entry("quietHours.to", "must be a time of day such as 21:00"));
        assertThat(errors(api.post("/api/requests", badSpan))).containsExactly(
                Map.entry("quietHours.timeZone", "must be an IANA time zone such as Europe/Berlin"),
                Map.entry("quietHours.to", "must differ from quietHours.from"));
    }

    @Test
    void contactDetailsMustBeReachable() {
        Map<String, Object> body = submission();
        body.put("customer", Map.of("name", "Ada", "email", "ada@", "phone", "07700 900123"));

        assertThat(errors(api.post("/api/requests", body))).containsExactly(
                Map.entry("customer.email", "must be a well-formed email address"),
                Map.entry("customer.phone", "must be an E.164 number such as +447700900123"));
    }

    @Test
    void aBodyOverSixtyFourKilobytesIsRefusedUnread() {
        Map<String, Object> body = submission();
        body.put("description", "x".repeat(64 * 1024));

        var problem = api.post("/api/requests", body);

        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedByItsContentType() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/requests"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + Tokens.customer("ada"))
                .POST(HttpRequest.BodyPublishers.ofString("subject=Charged+twice")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("send application/json");
    }

    private static Map<String, Object> submission() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", Map.of("name", "Ada Lovelace", "email", "ada@example.com", "phone", "+447700900123"));
        body.put("language", "de");
        body.put("preferredChannel", "SMS");
        body.put("category", "billing");
        body.put("subject", "Charged twice");
        body.put("description", "My statement shows two charges.");
        return body;
    }

    private static List<Map.Entry<String, String>> errors(ApiClient.Response problem) {
        assertThat(problem.status()).isEqualTo(400);
        return problem.body().get("errors").valueStream()
                .map(error -> Map.entry(error.get("field").asString(), error.get("reason").asString()))
                .toList();
    }
}
