package dev.tandem.intake.request;

import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.notification.NotificationEvent;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.inbox.EventInbox;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps each request's status and timeline current from what the other services publish: a projection of every
 * event type on their topics, so each handler is the aggregate's exhaustive switch over the topic's family.
 */
@Configuration(proxyBeanMethods = false)
class RequestLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(RequestLifecycleListener.class);

    private final EventInbox inbox;
    private final Aggregates aggregates;

    RequestLifecycleListener(EventInbox inbox, Aggregates aggregates) {
        this.inbox = inbox;
        this.aggregates = aggregates;
    }

    @Bean
    Consumer<Message<byte[]>> routingEvents() {
        return inbox.consumer("timeline-routing", RoutingEvent.class,
                event -> update(event.requestId(), request -> request.on(event)));
    }

    @Bean
    Consumer<Message<byte[]>> notificationEvents() {
        return inbox.consumer("timeline-notification", NotificationEvent.class,
                event -> update(event.requestId(), request -> request.on(event)));
    }

    @Bean
    Consumer<Message<byte[]>> feedbackEvents() {
        return inbox.consumer("timeline-feedback", FeedbackEvent.class,
                event -> update(event.requestId(), request -> request.on(event)));
    }

    private void update(String requestId, Consumer<SupportRequest> change) {
        if (aggregates.update(SupportRequest.class, requestId, change).isEmpty()) {
            log.warn("An event names request {}, which intake does not know", requestId);
        }
    }
}
