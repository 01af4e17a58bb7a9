package dev.tandem.platform.ratelimit;

import dev.tandem.platform.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Limits each client's request rate on every API; {@code tandem.api.rate-limit.enabled=false} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "tandem.api.rate-limit.enabled", matchIfMissing = true)
public class RateLimitConfiguration {

    /** Spring Security's filter chain runs at -100: after it, the principal is known. */
    static final int RATE_LIMIT_ORDER = -90;

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, ProblemResponses problems,
                                                            ObjectProvider<MeterRegistry> meters) {
        ClientRateLimiter limiter = new ClientRateLimiter(properties.requestsPerSecond(), properties.burst(),
                properties.maxClients(), System::nanoTime);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
                limiter, properties.exemptPaths(), problems, meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(RATE_LIMIT_ORDER);
        return registration;
    }
}
