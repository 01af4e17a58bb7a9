package dev.tandem.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testsupport.MovableClock;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** The keys against the real wire server, with a clock the test moves and resources kept in a map. */
@TandemIntegrationTest
class IdempotencyKeysIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    private final MovableClock clock = new MovableClock(Instant.now());
    private final Map<String, String> resources = new ConcurrentHashMap<>();
    private final String scope = "customer-" + UUID.randomUUID();
    private final String key = UUID.randomUUID().toString();

    @Test
    void aRetryAfterTheCreationWasStoredGetsTheKeptAnswerAndCreatesNothing() {
        IdempotencyKeys keys = new IdempotencyKeys(mongo, json, clock);

        ResponseEntity<String> first = keys.create(scope, key, "body", String.class, id -> creation("first", id),
                resources::containsKey);
        ResponseEntity<String> retry = keys.create(scope, key, "body", String.class, id -> creation("retry", id),
                resources::containsKey);

        assertThat(first.getBody()).startsWith("first:");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(resources).hasSize(1);
    }

    @Test
    void whenACallOutlivesItsLeaseTheStoredResourceIsWhatEveryoneGets() {
        IdempotencyKeys keys = new IdempotencyKeys(mongo, json, clock);
        AtomicReference<ResponseEntity<String>> takeOver = new AtomicReference<>();

        ResponseEntity<String> slow = keys.create(scope, key, "body", String.class, id -> {
            ResponseEntity<String> slowAnswer = ResponseEntity.status(HttpStatus.CREATED).body("slow:" + id);
            return new IdempotencyKeys.Creation<>(slowAnswer, () -> {
                // the slow call is still storing when its lease runs out; a retry takes the key over, and the slow
                // call's insert lands between the retry's check and the retry's own insert
                clock.advance(IdempotencyKeys.LEASE.plusSeconds(1));
                takeOver.set(keys.create(scope, key, "body", String.class, retryId -> {
                    ResponseEntity<String> retryAnswer = ResponseEntity.status(HttpStatus.CREATED)
                            .body("retry:" + retryId);
                    return new IdempotencyKeys.Creation<>(retryAnswer, () -> {
                        resources.put(retryId, slowAnswer.getBody());
                        String stored = resources.putIfAbsent(retryId, retryAnswer.getBody());
                        return stored == null ? retryAnswer : ResponseEntity.status(HttpStatus.CREATED).body(stored);
                    });
                }, alreadyStored -> false));
                return slowAnswer;
            });
        }, resources::containsKey);
        ResponseEntity<String> later = keys.create(scope, key, "body", String.class, id -> creation("later", id),
                resources::containsKey);

        assertThat(resources).hasSize(1);
        String stored = resources.values().iterator().next();
        assertThat(stored).startsWith("slow:");
        assertThat(slow.getBody()).isEqualTo(stored);
        assertThat(takeOver.get().getBody()).isEqualTo(stored);
        assertThat(later.getBody()).as("the kept answer is the stored resource's").isEqualTo(stored);
    }

    private IdempotencyKeys.Creation<String> creation(String who, String id) {
        ResponseEntity<String> answer = ResponseEntity.status(HttpStatus.CREATED).body(who + ":" + id);
        return new IdempotencyKeys.Creation<>(answer, () -> {
            resources.putIfAbsent(id, answer.getBody());
            return answer;
        });
    }
}
