package dev.tandem.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The relay reads every document collection whose type has an {@value OutboxEntry#FIELD} list, and is told
 * about every such document this process saves or inserts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
@ConditionalOnProperty(name = "tandem.outbox.enabled", matchIfMissing = true)
public class OutboxConfiguration {

    @Bean
    EventPublisher outboxEventPublisher(BindingService bindings, ApplicationContext context,
                                        @Value("${spring.application.name:tandem}") String applicationName) {
        return new EventPublisher(bindings, context, "/tandem/" + applicationName);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties, Clock clock,
                            ObjectProvider<MeterRegistry> meters) {
        List<String> collections = mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> entity.getPersistentProperty(OutboxEntry.FIELD) != null)
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .sorted()
                .toList();
        RelayLease lease = new RelayLease(mongo.getCollection("outbox_lease"), properties.lease(), clock);
        return new OutboxRelay(mongo, collections, publisher, lease, properties, clock,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboxWriteListener outboxWriteListener(OutboxRelay outboxRelay) {
        return new OutboxWriteListener(outboxRelay);
    }
}
