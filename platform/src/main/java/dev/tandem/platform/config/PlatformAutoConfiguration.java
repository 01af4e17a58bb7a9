package dev.tandem.platform.config;

import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.apidocs.CommonProblems;
import dev.tandem.platform.correlation.CorrelationIdFilter;
import dev.tandem.platform.health.StoreHealthIndicator;
import dev.tandem.platform.idempotency.IdempotencyKeys;
import dev.tandem.platform.inbox.EventInbox;
import dev.tandem.platform.outbox.OutboxConfiguration;
import dev.tandem.platform.ratelimit.RateLimitConfiguration;
import dev.tandem.platform.web.ApiWebConfiguration;
import dev.tandem.platform.web.ProblemDetailsAdvice;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/** Wires the shared mechanisms into every Tandem service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration"})
@EnableScheduling
@Import({OutboxConfiguration.class, ProblemDetailsAdvice.class, ApiWebConfiguration.class,
        RateLimitConfiguration.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Aggregates aggregates(MongoTemplate mongo) {
        return new Aggregates(mongo);
    }

    @Bean
    EventInbox eventInbox(MongoTemplate mongo, Clock clock,
                          @Value("${tandem.inbox.retention:30d}") Duration retention) {
        return new EventInbox(mongo, clock, retention);
    }

    @Bean
    IdempotencyKeys idempotencyKeys(MongoTemplate mongo, JsonMapper json, Clock clock) {
        return new IdempotencyKeys(mongo, json, clock);
    }

    @Bean
    CommonProblems commonProblemsInApiDocs() {
        return new CommonProblems();
    }

    @Bean
    StoreHealthIndicator storeHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
