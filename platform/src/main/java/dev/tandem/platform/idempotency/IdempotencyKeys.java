package dev.tandem.platform.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import dev.tandem.platform.web.FieldError;
import dev.tandem.platform.web.InvalidRequestException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import dev.tandem.contracts.RandomIds;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Safe retries of a creation, with Stripe's semantics for the {@code Idempotency-Key} header:
 * <ul>
 *   <li>the first request with a key runs, and its answer is kept for {@link #RETENTION};</li>
 *   <li>a retry with the same key and the same body gets that answer again, status and body, with the header
 *       {@code Idempotent-Replayed: true}, and creates nothing;</li>
 *   <li>the same key with a different body is refused with 422;</li>
 *   <li>a request while another with the same key is still running is refused with 409 and {@code Retry-After};</li>
 *   <li>requests that fail validation never get this far, so they keep nothing and the key stays free.</li>
 * </ul>
 * Keys are scoped to the caller, so two customers cannot collide or see each other's answers.
 * <p>
 * The answer is prepared before anything is stored, and kept with the key when it is claimed: one write for the
 * key, one for the resource, and none after. A key whose resource exists has finished, and a retry gets its answer
 * back; a key whose resource does not (yet) exist is still running, or its process died. A crash therefore leaves
 * the key locked for {@link #LEASE} at most; the retry after that takes the key over and runs the creation again
 * with the same resource id, so the action must treat "this id already exists" as its work being done (an insert
 * with the given id, answering the existing resource on a duplicate key).
 */
public class IdempotencyKeys {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The response header on a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** How long an answer is kept for retries. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** How long a running request holds its key before a retry may take it over. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    static final String COLLECTION = "idempotency_keys";
    static final URI KEY_REUSED = URI.create("https://tandem.dev/problems/idempotency-key-reused");
    static final URI KEY_IN_USE = URI.create("https://tandem.dev/problems/idempotency-key-in-use");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final MongoCollection<Document> keys;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotencyKeys(MongoTemplate mongo, JsonMapper json, Clock clock) {
        this.keys = mongo.getCollection(COLLECTION);
        this.json = json;
        this.clock = clock;
        // real MongoDB expires old keys by itself; forgetExpiredKeys does it where TTL indexes do nothing
        keys.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /**
     * A creation made ready but not yet stored.
     *
     * @param answer what the caller gets, and what a retry gets again
     * @param store  stores the resource and returns {@code answer} itself; on finding the resource stored already
     *               (by a call that outlived its lease), it answers with what is stored instead, which retries
     *               then get too
     */
    public record Creation<T>(ResponseEntity<T> answer, Supplier<ResponseEntity<T>> store) {
    }

    /**
     * Runs a creation at most once per caller and key.
     *
     * @param scope        whose key it is, such as the caller's subject
     * @param key          the {@code Idempotency-Key} header, or null to run without one
     * @param request      the validated request body; its JSON form is what "the same body" means
     * @param responseType the type of the answer's body, to give a replay back as the same type
     * @param prepare      makes the creation ready, with the id the new resource must have; stores nothing
     * @param stored       whether the resource with this id has been stored
     */
    public <T> ResponseEntity<T> create(String scope, String key, Object request, Class<T> responseType,
                                        Function<String, Creation<T>> prepare, Predicate<String> stored) {
        if (key == null) {
            return prepare.apply(RandomIds.uuid()).store().get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new InvalidRequestException(List.of(new FieldError(HEADER,
                    "must be 1 to 255 visible ASCII characters, such as a UUID")));
        }
        String id = scope + "\n" + key;
        String fingerprint = fingerprint(request);
        while (true) {
            Instant now = clock.instant();
            String resourceId = RandomIds.uuid();
            Creation<T> creation = prepare.apply(resourceId);
            if (claim(id, fingerprint, resourceId, creation.answer(), now)) {
                return run(id, resourceId, creation);
            }
            Document existing = keys.find(Filters.eq("_id", id)).first();
            if (existing == null) {
                continue;
            }
            if (existing.getDate("expiresAt").toInstant().isBefore(now)) {
                keys.deleteOne(Filters.and(Filters.eq("_id", id), Filters.lt("expiresAt", Date.from(now))));
                continue;
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                throw reused();
            }
            String reserved = existing.getString("resourceId");
            if (existing.containsKey("status") && stored.test(reserved)) {
                return replay(existing, responseType);
            }
            Instant lockedUntil = existing.getDate("lockedUntil").toInstant();
            if (lockedUntil.isAfter(now)) {
                throw inUse(Duration.between(now, lockedUntil));
            }
            Creation<T> again = prepare.apply(reserved);
            if (takeOver(id, again.answer(), now)) {
                return run(id, reserved, again);
            }
        }
    }

    // one write: the key, its lease and the answer the creation will give
    private boolean claim(String id, String fingerprint, String resourceId, ResponseEntity<?> answer, Instant now) {
        try {
            keys.insertOne(answer(new Document("_id", id)
                    .append("fingerprint", fingerprint)
                    .append("resourceId", resourceId)
                    .append("lockedUntil", Date.from(now.plus(LEASE)))
                    .append("expiresAt", Date.from(now.plus(RETENTION))), answer));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    // the lease of a creation that never finished (its process died) has run out: the retry runs it again
    private boolean takeOver(String id, ResponseEntity<?> answer, Instant now) {
        return keys.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.lte("lockedUntil", Date.from(now))),
                new Document("$set", answer(new Document("lockedUntil", Date.from(now.plus(LEASE))), answer)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)) != null;
    }

    private Document answer(Document key, ResponseEntity<?> answer) {
        URI location = answer.getHeaders().getLocation();
        return key.append("status", answer.getStatusCode().value())
                .append("location", location == null ? null : location.toString())
                .append("body", answer.getBody() == null ? null : json.writeValueAsString(answer.getBody()));
    }

    private <T> ResponseEntity<T> run(String id, String resourceId, Creation<T> creation) {
        ResponseEntity<T> answer;
        try {
            answer = creation.store().get();
        } catch (RuntimeException e) {
            // nothing was created: free the key, so that a retry runs afresh
            keys.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("resourceId", resourceId)));
            throw e;
        }
        if (answer != creation.answer()) {
            // it was stored before (a call slower than its lease): retries get what is stored, as this call did
            keys.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("resourceId", resourceId)),
                    new Document("$set", answer(new Document(), answer)));
        }
        return answer;
    }

    private <T> ResponseEntity<T> replay(Document existing, Class<T> responseType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(REPLAYED_HEADER, "true");
        if (existing.getString("location") != null) {
            headers.setLocation(URI.create(existing.getString("location")));
        }
        String body = existing.getString("body");
        return ResponseEntity.status(existing.getInteger("status")).headers(headers)
                .body(body == null ? null : json.readValue(body, responseType));
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Removes the expired keys, where the store's TTL index does not (the platform schedules it). */
    public void forgetExpiredKeys() {
        keys.deleteMany(Filters.lt("expiresAt", Date.from(clock.instant())));
    }

    private static ErrorResponseException reused() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was used with a different request body; use a new key for a new request");
        problem.setType(KEY_REUSED);
        problem.setTitle("Idempotency-Key reused");
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    private static ErrorResponseException inUse(Duration remaining) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A request with this Idempotency-Key is still being processed; retry shortly");
        problem.setType(KEY_IN_USE);
        problem.setTitle("Idempotency-Key in use");
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        exception.getHeaders().set(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, Math.min(remaining.toSeconds() + 1, LEASE.toSeconds()))));
        return exception;
    }
}
