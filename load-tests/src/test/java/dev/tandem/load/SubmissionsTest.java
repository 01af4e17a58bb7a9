package dev.tandem.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubmissionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN_EVENT = Path.of("..", "contracts", "src", "test", "resources", "events",
            "RequestSubmitted.v1.json");

    private final Submissions submissions = Submissions.forCustomers(100, 7);
    private final SplittableRandom random = new SplittableRandom(11);

    @Test
    void requestsAreWhatTheApiAccepts() throws IOException {
        for (int i = 0; i < 2_000; i++) {
            JsonNode request = JSON.readTree(submissions.next(random).requestJson());
            assertThat(request.path("language").asText()).matches("[a-z]{2,3}(-[A-Za-z]{2,4})?");
            assertThat(request.path("category").asText()).matches("[a-z0-9][a-z0-9-]{0,39}");
            assertThat(request.path("subject").asText()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(request.path("description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(10_000);
            assertThat(request.path("urgency").asText()).isIn("LOW", "NORMAL", "HIGH", "CRITICAL");
            assertThat(request.path("preferredChannel").asText()).isIn("EMAIL", "SMS");
            JsonNode customer = request.path("customer");
            assertThat(customer.path("name").asText()).isNotBlank();
            assertThat(customer.path("email").asText()).matches("[a-z.\\-0-9]+@example\\.com");
            if (request.path("preferredChannel").asText().equals("SMS")) {
                assertThat(customer.path("phone").asText()).matches("\\+[1-9][0-9]{6,14}");
            }
        }
    }

    @Test
    void requestsVaryInCustomerChannelCategoryAndLength() {
        List<Submissions.Submission> made = IntStream.range(0, 1_000).mapToObj(i -> submissions.next(random)).toList();

        assertThat(made.stream().map(Submissions.Submission::customer).distinct().count()).isGreaterThan(90);
        assertThat(made.stream().map(Submissions.Submission::preferredChannel).distinct()).contains("EMAIL", "SMS");
        assertThat(made.stream().map(Submissions.Submission::category).distinct().count()).isGreaterThan(3);
        assertThat(made.stream().mapToInt(submission -> submission.description().length()).summaryStatistics())
                .satisfies(lengths -> {
                    assertThat(lengths.getMin()).isLessThan(200);
                    assertThat(lengths.getMax()).isGreaterThan(600);
                });
    }

    @Test
    void baselineEventsHaveTheFieldsOfTheContractsGoldenSampleAndAboutOneKilobyte() throws IOException {
        Set<String> golden = fieldPaths(JSON.readTree(GOLDEN_EVENT.toFile()));
        int bytes = 0;
        for (int i = 0; i < 500; i++) {
            String event = submissions.next(random).submittedEventJson("5f0c6b7e-2d7a-4a7e-9d55-1b3c8f1e2a10",
                    "0a1b2c3d-0000-4000-8000-000000000001", "c0ffee00-1111-4222-8333-444455556666", "TDM-7KQ2M9",
                    Instant.parse("2026-11-02T09:15:30Z"));
            assertThat(fieldPaths(JSON.readTree(event))).isEqualTo(golden);
            assertThat(event).doesNotContain("\n");
            bytes += event.getBytes(StandardCharsets.UTF_8).length;
        }
        assertThat(bytes / 500).isBetween(700, 1_300);
    }

    @Test
    void jsonStringsAreEscaped() throws IOException {
        String text = "say \"hi\"\\ \n\t\u0001 é";
        assertThat(JSON.readTree(Json.string(text)).asText()).isEqualTo(text);
    }

    private static Set<String> fieldPaths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            paths.add(prefix + name);
            collect(node.get(name), prefix + name + ".", paths);
        }
    }
}
