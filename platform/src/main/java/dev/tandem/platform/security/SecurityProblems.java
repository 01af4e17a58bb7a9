package dev.tandem.platform.security;

import dev.tandem.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a missing or rejected token (401) and a forbidden call (403) as problem details, like every other error of
 * the API, while keeping the {@code WWW-Authenticate} header that RFC 6750 asks for.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final URI UNAUTHORIZED = URI.create("https://tandem.dev/problems/unauthorized");
    static final URI FORBIDDEN = URI.create("https://tandem.dev/problems/forbidden");

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final ProblemResponses problems;

    SecurityProblems(JsonMapper json) {
        this.problems = new ProblemResponses(json);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        bearerEntryPoint.commence(request, response, exception);
        String detail = exception instanceof OAuth2AuthenticationException rejected
                && rejected.getError().getDescription() != null
                ? "The bearer token was rejected: " + rejected.getError().getDescription()
                : "This API needs a bearer token in the Authorization header";
        write(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, detail, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        bearerAccessDenied.handle(request, response, exception);
        write(response, HttpStatus.FORBIDDEN, FORBIDDEN, "Your role does not allow this call", request);
    }

    private void write(HttpServletResponse response, HttpStatus status, URI type, String detail,
                       HttpServletRequest request) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problems.send(request, response, problem);
    }
}
