package dev.tandem.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Customers submitting support requests at a constant arrival rate: {@code POST /api/requests}, each with an
 * {@code Idempotency-Key} of its own and, where the issuer hands them out, the customer's bearer token. A warm-up
 * phase rising to the same rate comes first and is reported apart ({@value #WARM_UP}); the assertions are on the measured
 * phase ({@value #SUBMIT}): no errors, the 99th percentile under the target, and every planned submission
 * accepted. Gatling prints each assertion with its actual value, which makes them the run's summary of the measured
 * phase (its console table and the report's first page also count the warm-up); the report has a page per phase.
 *
 * <pre>{@code ./mvnw -Pload -pl load-tests gatling:test -Drate=1000 -Dduration=60}</pre>
 */
public class SubmissionSimulation extends Simulation {

    static final String SUBMIT = "submit";
    static final String WARM_UP = "submit (warm-up)";
    private static final long CUSTOMER_POOL_SEED = 20_261_102L;

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Submissions submissions = Submissions.forCustomers(settings.customers(), CUSTOMER_POOL_SEED);
    private final Map<String, String> tokens =
            CustomerTokens.fetch(settings.issuer(), submissions.customers(), settings.auth());

    {
        System.out.printf("Submitting to %s at %.0f/s for %d s after %d s of warm-up, %d customers, %s%n",
                settings.baseUrl(), settings.rate(), settings.duration().toSeconds(), settings.warmUp().toSeconds(),
                settings.customers(), tokens.isEmpty() ? "without tokens" : "with customer tokens");

        HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
                .contentTypeHeader("application/json")
                .acceptHeader("application/json")
                // like a gateway in front of intake: a pool of kept-alive connections, not one per customer
                .shareConnections();

        ScenarioBuilder measured = scenario("submissions").feed(submissionFeeder()).exec(submit(SUBMIT));
        PopulationBuilder measuredPhase =
                measured.injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration()));
        PopulationBuilder population = settings.warmUp().isZero() ? measuredPhase
                : scenario("warm-up").feed(submissionFeeder()).exec(submit(WARM_UP))
                        .injectOpen(warmUp())
                        .andThen(measuredPhase);

        setUp(population)
                .protocols(protocol)
                .assertions(
                        details(SUBMIT).failedRequests().count().is(0L),
                        details(SUBMIT).responseTime().percentile(50.0).lt(settings.p99Millis()),
                        details(SUBMIT).responseTime().percentile(99.0).lt(settings.p99Millis()),
                        details(SUBMIT).successfulRequests().count().gte(settings.plannedSubmissions()));
    }

    // from a tenth of the rate up to the full rate over two thirds of the warm-up, then the full rate: the services'
    // compilers do most of their work in the first minute, and a cold system offered the full rate at once only
    // builds a queue that the measured phase would inherit
    private OpenInjectionStep[] warmUp() {
        Duration ramp = settings.warmUp().multipliedBy(2).dividedBy(3);
        return new OpenInjectionStep[] {
                rampUsersPerSec(settings.rate() / 10).to(settings.rate()).during(ramp),
                constantUsersPerSec(settings.rate()).during(settings.warmUp().minus(ramp))};
    }

    private HttpRequestActionBuilder submit(String name) {
        HttpRequestActionBuilder request = http(name).post("/api/requests")
                .header("Idempotency-Key", session -> session.getString("idempotencyKey"))
                .body(StringBody(session -> session.getString("body")))
                .check(status().is(201));
        return tokens.isEmpty() ? request
                : request.header("Authorization", session -> session.getString("authorization"));
    }

    // an endless stream of submissions, each by a customer of the pool and with a fresh idempotency key
    private Iterator<Map<String, Object>> submissionFeeder() {
        return Stream.generate(() -> {
            Submissions.Submission submission = submissions.next(ThreadLocalRandom.current());
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("body", submission.requestJson());
            attributes.put("idempotencyKey", UUID.randomUUID().toString());
            String token = tokens.get(submission.customer().id());
            if (token != null) {
                attributes.put("authorization", "Bearer " + token);
            }
            return attributes;
        }).iterator();
    }
}
