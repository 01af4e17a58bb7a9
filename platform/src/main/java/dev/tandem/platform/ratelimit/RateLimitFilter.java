package dev.tandem.platform.ratelimit;

import dev.tandem.platform.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers 429, with {@code Retry-After} in seconds, to a client that has used up its requests. It runs after
 * Spring Security's filter chain, so that an authenticated client is limited by who it is wherever it calls from.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final URI TOO_MANY_REQUESTS = URI.create("https://tandem.dev/problems/too-many-requests");

    private final ClientRateLimiter limiter;
    private final List<PathPattern> exempt;
    private final ProblemResponses problems;
    private final Counter limitedPrincipals;
    private final Counter limitedAddresses;

    RateLimitFilter(ClientRateLimiter limiter, List<String> exemptPaths, ProblemResponses problems,
                    MeterRegistry meters) {
        this.limiter = limiter;
        this.exempt = exemptPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
        this.limitedPrincipals = limited(meters, "principal");
        this.limitedAddresses = limited(meters, "address");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return exempt.stream().anyMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal principal = request.getUserPrincipal();
        String client = principal != null ? "principal:" + principal.getName() : "address:" + request.getRemoteAddr();
        Duration wait = limiter.acquire(client);
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        (principal != null ? limitedPrincipals : limitedAddresses).increment();
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client; try again in " + seconds + (seconds == 1 ? " second" : " seconds"));
        problem.setType(TOO_MANY_REQUESTS);
        problem.setTitle("Too many requests");
        problems.send(request, response, problem);
    }

    private static Counter limited(MeterRegistry meters, String client) {
        return Counter.builder("tandem.api.rate.limited")
                .description("Requests answered 429 because their client was over its rate limit")
                .tag("client", client)
                .register(meters);
    }
}
