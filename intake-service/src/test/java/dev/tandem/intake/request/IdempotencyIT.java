package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TandemIntegrationTest;
import dev.tandem.testsupport.Tokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Retrying a submission on a flaky mobile network, with Stripe's Idempotency-Key semantics. */
@TandemIntegrationTest
class IdempotencyIT {

    static final String REQUEST = CustomerOperationsIT.REQUEST;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    final String customer = "ada-" + UUID.randomUUID();

    ApiClient api() {
        return ApiClient.local(port).as(Tokens.customer(customer));
    }

    static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    long requestsOfThisCustomer() {
        return mongo.count(Query.query(Criteria.where("customerId").is(customer)), SupportRequest.class);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        var first = api().post("/api/requests", REQUEST.formatted("Charged twice"), key(key));
        var retry = api().post("/api/requests", REQUEST.formatted("Charged twice"), key(key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(requestsOfThisCustomer()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        api().post("/api/requests", REQUEST.formatted("Charged twice"), key(key));

        var problem = api().post("/api/requests", REQUEST.formatted("Charged three times"), key(key));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.text("/type")).isEqualTo("https://tandem.dev/problems/idempotency-key-reused");
        assertThat(requestsOfThisCustomer()).isEqualTo(1);
    }

    @Test
    void aRequestWhileAnotherWithTheSameKeyIsInFlightIs409WithRetryAfter() {
        String key = UUID.randomUUID().toString();
        // another call with this key has claimed it, answer prepared, and not stored its request yet (its lease
        // has 20 s to go)
        var first = api().post("/api/requests", REQUEST.formatted("Charged twice"), key("probe-" + key));
        Document claimed = mongo.getCollection("idempotency_keys")
                .find(new Document("_id", customer + "\nprobe-" + key)).first();
        mongo.getCollection("idempotency_keys").insertOne(new Document(claimed)
                .append("_id", customer + "\n" + key)
                .append("resourceId", UUID.randomUUID().toString())
                .append("lockedUntil", Date.from(Instant.now().plusSeconds(20))));

        var problem = api().post("/api/requests", REQUEST.formatted("Charged twice"), key(key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.text("/type")).isEqualTo("https://tandem.dev/problems/idempotency-key-in-use");
        assertThat(Integer.parseInt(problem.header("Retry-After"))).isBetween(1, 30);
        assertThat(requestsOfThisCustomer()).isEqualTo(1);
    }

    @Test
    void aKeyLeftInFlightByACrashIsTakenOverOnceItsLeaseRunsOut() {
        String key = UUID.randomUUID().toString();
        var probe = api().post("/api/requests", REQUEST.formatted("Charged twice"), key("probe-" + key));
        Document claimed = mongo.getCollection("idempotency_keys")
                .find(new Document("_id", customer + "\nprobe-" + key)).first();
        // a call claimed the key, answer prepared, and died before storing its request; its lease ran out
        String resourceId = UUID.randomUUID().toString();
        mongo.getCollection("idempotency_keys").insertOne(new Document(claimed)
                .append("_id", customer + "\n" + key)
                .append("resourceId", resourceId)
                .append("lockedUntil", Date.from(Instant.now().minusSeconds(1))));

        var retry = api().post("/api/requests", REQUEST.formatted("Charged twice"), key(key));

        assertThat(probe.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("/id")).as("the id the crashed call had reserved").isEqualTo(resourceId);
        assertThat(api().post("/api/requests", REQUEST.formatted("Charged twice"), key(key)).text("/id"))
                .isEqualTo(resourceId);
    }

    @Test
    void concurrentRetriesCreateExactlyOneRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        List<Callable<ApiClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> api().post("/api/requests", REQUEST.formatted("Charged twice"), key(key)));
        }
        List<ApiClient.Response> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<ApiClient.Response> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).extracting(ApiClient.Response::status).allMatch(status -> status == 201 || status == 409);
        assertThat(answers.stream().filter(answer -> answer.status() == 201).map(answer -> answer.text("/id"))
                .distinct()).hasSize(1);
        assertThat(requestsOfThisCustomer()).isEqualTo(1);
    }

    @Test
    void aRequestThatFailsValidationKeepsNothingAndLeavesTheKeyFree() {
        String key = UUID.randomUUID().toString();
        var invalid = api().post("/api/requests", REQUEST.formatted(""), key(key));
        var valid = api().post("/api/requests", REQUEST.formatted("Charged twice"), key(key));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(valid.status()).isEqualTo(201);
        assertThat(requestsOfThisCustomer()).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCustomer() {
        String key = UUID.randomUUID().toString();
        var ada = api().post("/api/requests", REQUEST.formatted("Charged twice"), key(key));
        var bob = ApiClient.local(port).as(Tokens.customer("bob-" + UUID.randomUUID()))
                .post("/api/requests", REQUEST.formatted("Charged twice"), key(key));

        assertThat(bob.status()).isEqualTo(201);
        assertThat(bob.text("/id")).isNotEqualTo(ada.text("/id"));
        assertThat(bob.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void anUnusableKeyIsNamed() {
        var problem = api().post("/api/requests", REQUEST.formatted("Charged twice"), key("x".repeat(256)));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.text("/errors/0/field")).isEqualTo("Idempotency-Key");
        assertThat(requestsOfThisCustomer()).isZero();
    }
}
