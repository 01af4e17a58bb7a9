package dev.tandem.intake.request;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;

/**
 * Answers that several calls give alike, described once for the API description: springdoc reads an
 * {@code @ApiResponse} on one of these annotations as if it stood on each method that carries the annotation.
 */
final class RequestResponses {

    private RequestResponses() {
    }

    /** 404: no such request, or another customer's. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "404", description = "No such request, or not the caller's",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    @interface NotFound {
    }

    /** 409: the request's state does not allow the change. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "409", description = "The request is not in a state that allows this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    examples = @ExampleObject(value = ApiExamples.CONFLICT)))
    @interface Conflict {
    }

    /** A customer's change to their own request: its updated status page, or 404, or 409. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "The updated status page", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RequestView.class),
            examples = @ExampleObject(value = ApiExamples.VIEW)))
    @NotFound
    @Conflict
    @interface Change {
    }
}
