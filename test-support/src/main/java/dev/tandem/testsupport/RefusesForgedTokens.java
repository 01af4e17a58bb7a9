package dev.tandem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An API's security test, for the check that every API makes alike: each kind of forged token
 * ({@link Tokens#forged}) is refused with 401. A test class implements it by naming one protected call.
 */
public interface RefusesForgedTokens {

    /**
     * Makes a call of the API under test that a supervisor may make, with the token as its bearer token: were a
     * forged supervisor token let through, the call would be answered rather than refused.
     */
    ApiClient.Response protectedCall(String token);

    /** Every forged supervisor token, by what is wrong with it. */
    static Stream<Arguments> forgedSupervisorTokens() {
        return Tokens.forged("supervisor").entrySet().stream()
                .map(forged -> Arguments.of(forged.getKey(), forged.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tandem.testsupport.RefusesForgedTokens#forgedSupervisorTokens")
    default void aTokenThatFailsAnyCheckIs401(String what, String token) {
        assertThat(protectedCall(token)).as(what).isUnauthorized().hasBearerError("invalid_token");
    }
}
