package dev.tandem.platform.config;

import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.apidocs.CommonProblems;
import dev.tandem.platform.correlation.CorrelationIdFilter;
import dev.tandem.platform.health.StoreHealthIndicator;
import dev.tandem.platform.idempotency.IdempotencyKeys;
import dev.tandem.platform.idempotency.IdempotencyProperties;
import dev.tandem.platform.inbox.EventInbox;
import dev.tandem.platform.inbox.InboxProperties;
import dev.tandem.platform.outbox.OutboxConfiguration;
import dev.tandem.platform.ratelimit.RateLimitConfiguration;
import dev.tandem.platform.web.ApiWebConfiguration;
import dev.tandem.platform.web.ProblemDetailsAdvice;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Wires the shared mechanisms into every Tandem service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration"})
@EnableScheduling
@EnableConfigurationProperties({InboxProperties.class, IdempotencyProperties.class})
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
    EventInbox eventInbox(MongoTemplate mongo, Clock clock, InboxProperties properties) {
        return new EventInbox(mongo, clock, properties.retention());
    }

    @Bean
    IdempotencyKeys idempotencyKeys(MongoTemplate mongo, JsonMapper json, Clock clock) {
        return new IdempotencyKeys(mongo, json, clock);
    }

    /** Removes what has expired where the store's TTL indexes do nothing, on the service's scheduler. */
    @Bean
    SchedulingConfigurer storeCleanUps(EventInbox inbox, InboxProperties inboxProperties, IdempotencyKeys keys,
                                       IdempotencyProperties idempotencyProperties) {
        return tasks -> {
            tasks.addFixedDelayTask(inbox::forgetOldEvents, inboxProperties.cleanupInterval());
            tasks.addFixedDelayTask(keys::forgetExpiredKeys, idempotencyProperties.cleanupInterval());
        };
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
