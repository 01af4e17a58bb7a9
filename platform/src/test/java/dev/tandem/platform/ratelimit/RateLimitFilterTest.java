package dev.tandem.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.platform.web.ProblemResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimitFilter filter = new RateLimitFilter(new ClientRateLimiter(1, 1, 100, nanos::get),
            List.of("/actuator/**"), new ProblemResponses(JsonMapper.builder().build()), meters);

    @Test
    void anAuthenticatedClientIsLimitedByWhoItIsNotWhereItCallsFrom() throws Exception {
        assertThat(call("ada", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call("grace", "10.0.0.1").getStatus()).as("another customer behind the same address").isEqualTo(200);

        var refused = call("ada", "10.0.0.2");

        assertThat(refused.getStatus()).as("the same customer from another address").isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(meters.get("tandem.api.rate.limited").tag("client", "principal").counter().count()).isEqualTo(1);
    }

    @Test
    void anAnonymousClientIsLimitedByItsAddress() throws Exception {
        assertThat(call(null, "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call(null, "10.0.0.2").getStatus()).isEqualTo(200);

        assertThat(call(null, "10.0.0.1").getStatus()).isEqualTo(429);
        assertThat(meters.get("tandem.api.rate.limited").tag("client", "address").counter().count()).isEqualTo(1);
    }

    @Test
    void exemptPathsAreNeverLimited() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health/readiness");
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse call(String principal, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/requests/r-1");
        request.setRemoteAddr(address);
        if (principal != null) {
            request.setUserPrincipal(() -> principal);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
