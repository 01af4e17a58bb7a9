package dev.tandem.testsupport;

import java.util.function.Predicate;
import org.assertj.core.api.AbstractObjectAssert;

/**
 * AssertJ assertions for what an API answered, the way every Tandem API refuses a call:
 * {@code assertThat(answer).isForbidden()}. AssertJ's own {@code assertThat} returns one for an
 * {@link ApiClient.Response}, which is an {@link org.assertj.core.api.AssertProvider}.
 */
public final class ResponseAssert extends AbstractObjectAssert<ResponseAssert, ApiClient.Response> {

    private static final String PROBLEMS = "https://tandem.dev/problems/";

    ResponseAssert(ApiClient.Response actual) {
        super(actual, ResponseAssert.class);
    }

    /** Refused for want of a valid bearer token: 401, a {@code Bearer} challenge and the unauthorized problem. */
    public ResponseAssert isUnauthorized() {
        return hasStatus(401)
                .hasHeader("WWW-Authenticate", "starting with Bearer", value -> value.startsWith("Bearer"))
                .hasProblemType("unauthorized");
    }

    /** The bearer challenge names the error (RFC 6750), as {@code invalid_token} for a token that failed a check. */
    public ResponseAssert hasBearerError(String error) {
        String named = "error=\"" + error + "\"";
        return hasHeader("WWW-Authenticate", "with " + named, value -> value.contains(named));
    }

    /** Refused to a caller who is known but may not make the call: 403 as the forbidden problem. */
    public ResponseAssert isForbidden() {
        return hasStatus(403)
                .hasHeader("Content-Type", "starting with application/problem+json",
                        value -> value.startsWith("application/problem+json"))
                .hasProblemType("forbidden");
    }

    private ResponseAssert hasStatus(int expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage("Expected status %s but was %s with body <%s>", expected, actual.status(), actual.body());
        }
        return this;
    }

    private ResponseAssert hasHeader(String name, String expected, Predicate<String> matches) {
        isNotNull();
        String value = actual.header(name);
        if (value == null || !matches.test(value)) {
            failWithMessage("Expected header %s %s but was <%s>", name, expected, value);
        }
        return this;
    }

    private ResponseAssert hasProblemType(String problem) {
        String type = actual.text("/type");
        if (!(PROBLEMS + problem).equals(type)) {
            failWithMessage("Expected problem type <%s> but was <%s>", PROBLEMS + problem, type);
        }
        return this;
    }
}
