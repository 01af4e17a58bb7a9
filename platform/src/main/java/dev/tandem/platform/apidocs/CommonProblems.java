package dev.tandem.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds to every operation of a service's API the error answers it can give without saying so itself, each as RFC
 * 9457 problem details with an example: 400 (invalid input, with the field and the reason), 401 (no or a bad token),
 * 403 (the role does not allow it), 413 and 415 (for bodies) and 429 (too many calls). What an operation declares
 * itself (404, 409, 422...) is kept.
 */
public final class CommonProblems implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                addProblems(method, operation)));
    }

    private static void addProblems(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasInput = hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (hasInput) {
            add(operation, "400", "The input is invalid; `errors` names each field and what is wrong with it",
                    problem(400, "Invalid request", "https://tandem.dev/problems/invalid-request",
                            "subject must not contain line breaks",
                            List.of(Map.of("field", "subject", "reason", "must not contain line breaks"))));
        }
        if (!open) {
            add(operation, "401", "No bearer token, or one that is expired, forged or not for this API",
                    problem(401, "Unauthorized", "https://tandem.dev/problems/unauthorized",
                            "This API needs a bearer token in the Authorization header", null));
            add(operation, "403", "The caller's role does not allow this call",
                    problem(403, "Forbidden", "https://tandem.dev/problems/forbidden",
                            "Your role does not allow this call", null));
        }
        if (hasBody && method != PathItem.HttpMethod.GET) {
            add(operation, "413", "The body is larger than the API accepts (64 KB)",
                    problem(413, "Payload Too Large", "https://tandem.dev/problems/payload-too-large",
                            "The body is larger than 65536 bytes", null));
            add(operation, "415", "The body is not JSON",
                    problem(415, "Unsupported Media Type", "https://tandem.dev/problems/unsupported-media-type",
                            "Content-Type 'text/plain' is not supported; send application/json", null));
        }
        add(operation, "429", "Too many calls from this client; retry after the number of seconds in Retry-After",
                problem(429, "Too Many Requests", "https://tandem.dev/problems/too-many-requests",
                        "Too many requests; retry after 1 s", null));
    }

    private static void add(Operation operation, String status, String description, Map<String, Object> example) {
        ApiResponse existing = operation.getResponses().get(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                .addExamples(status, new Example().value(example));
        operation.getResponses().addApiResponse(status, new ApiResponse()
                .description(existing != null && existing.getDescription() != null && !existing.getDescription()
                        .isBlank() ? existing.getDescription() : description)
                .content(new Content().addMediaType(PROBLEM_JSON, media)));
    }

    /** A problem details example, for this class and for operations that declare their own. */
    public static Map<String, Object> problem(int status, String title, String type, String detail,
                                              List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", "/api/requests");
        if (errors != null) {
            problem.put("errors", errors);
        }
        return problem;
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("the JSON path of the field, or the parameter or"
                + " header name").example("customer.email"));
        error.addProperty("reason", new StringSchema().description("what is wrong with it")
                .example("must be a well-formed email address"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri").description("what kind of problem"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("what went wrong, for a developer"));
        problem.addProperty("instance", new StringSchema().description("the path that was called"));
        problem.addProperty("errors", new ArraySchema().items(error).description("for invalid input: each field"
                + " and what is wrong with it"));
        return problem;
    }
}
