package dev.tandem.platform.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.CollectedProblem;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** What is wrong with a value in a JSON body, in words for the developer of a front end. */
final class JsonProblems {

    static final String SERVER_OWNED = "is set by the server and cannot be sent";
    static final String UNKNOWN = "is not a field of this request";

    private JsonProblems() {
    }

    /** Why a property the body type does not declare is refused. */
    static String unknownField(Class<?> bodyType, String property) {
        ServerOwnedFields serverOwned = bodyType.getAnnotation(ServerOwnedFields.class);
        return serverOwned != null && Arrays.asList(serverOwned.value()).contains(property) ? SERVER_OWNED : UNKNOWN;
    }

    /** A value Jackson collected as unreadable while reading on. */
    static FieldError of(CollectedProblem problem) {
        Class<?> type = problem.getTargetType() == null ? null : problem.getTargetType().getRawClass();
        return new FieldError(JsonPath.of(problem.getPath()), expected(type));
    }

    /** The field a reading failure is about, when it is about one. */
    static Optional<FieldError> of(DatabindException failure) {
        if (failure.getPath().isEmpty()) {
            return Optional.empty();
        }
        String field = JsonPath.of(failure.getPath());
        return Optional.of(new FieldError(field, reason(failure)));
    }

    /** What a body of the wrong shape altogether should have been. */
    static String expectedBody(DatabindException failure) {
        return failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? "The body " + expected(mismatch.getTargetType())
                : "The body cannot be read as this request";
    }

    private static String reason(DatabindException failure) {
        return switch (failure) {
            case UnrecognizedPropertyException unknown ->
                    unknownField(unknown.getReferringClass(), unknown.getPropertyName());
            case InvalidNullException ignored -> "must not be null";
            case MismatchedInputException mismatch -> expected(mismatch.getTargetType());
            default -> "has a value that cannot be read";
        };
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "has a value that cannot be read";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == LocalTime.class) {
            return "must be a time of day such as 21:00";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2026-11-02";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time such as 2026-11-02T09:15:30Z";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "must be a time zone such as Europe/Berlin";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }
}
