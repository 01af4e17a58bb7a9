package dev.tandem.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The relay reads every document collection whose type has an {@value OutboxEntry#FIELD} list, and is told
 * about every such document this process saves or inserts. Such a type must have a {@code @Version}: the relay
 * advances it as it removes published events, which is what keeps a stale copy from writing them back.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
@ConditionalOnProperty(name = "tandem.outbox.enabled", matchIfMissing = true)
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, BindingServiceProperties bindings, BeanFactory beans,
                            @Value("${spring.application.name:tandem}") String applicationName,
                            OutboxProperties properties, Clock clock, ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry meters = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
        EventPublisher publisher = new EventPublisher(bindings, beans, "/tandem/" + applicationName);
        return new OutboxRelay(new OutboxStore(mongo, outboxCollections(mongo)),
                new Announcements(properties, meters),
                new HandOver(mongo.getCollection(HandOver.COLLECTION)),
                new ChainedSends(publisher, properties.publishers(), clock, meters),
                new RelayLease(mongo.getCollection("outbox_lease"), properties.lease(), clock),
                properties);
    }

    @Bean
    OutboxWriteListener outboxWriteListener(OutboxRelay outboxRelay) {
        return new OutboxWriteListener(outboxRelay);
    }

    // each collection of a document type with an outbox, and the field its version is kept in
    private static Map<String, String> outboxCollections(MongoTemplate mongo) {
        Map<String, String> versionFields = new TreeMap<>();
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (entity.getPersistentProperty(OutboxEntry.FIELD) == null) {
                continue;
            }
            if (!entity.hasVersionProperty()) {
                throw new IllegalStateException(entity.getType().getName() + " keeps an outbox but has no @Version:"
                        + " a save of a stale copy could write published events back");
            }
            versionFields.put(entity.getCollection(), entity.getRequiredVersionProperty().getFieldName());
        }
        return versionFields;
    }
}
