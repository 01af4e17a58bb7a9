package dev.tandem.intake.request;

import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.notification.NotificationEvent;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.platform.inbox.EventInbox;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Keeps each request's status and timeline current from what the other services publish. */
@Configuration(proxyBeanMethods = false)
class RequestLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(RequestLifecycleListener.class);

    private final EventInbox inbox;
    private final SupportRequestRepository requests;

    RequestLifecycleListener(EventInbox inbox, SupportRequestRepository requests) {
        this.inbox = inbox;
        this.requests = requests;
    }

    @Bean
    Consumer<Message<byte[]>> routingEvents() {
        return message -> inbox.receive("timeline-routing", message, RoutingEvent.class,
                event -> update(event.requestId(), request -> request.on(event)));
    }

    @Bean
    Consumer<Message<byte[]>> notificationEvents() {
        return message -> inbox.receive("timeline-notification", message, NotificationEvent.class,
                event -> update(event.requestId(), request -> request.on(event)));
    }

    @Bean
    Consumer<Message<byte[]>> feedbackEvents() {
        return message -> inbox.receive("timeline-feedback", message, FeedbackEvent.class,
                event -> update(event.requestId(), request -> request.on(event)));
    }

    private void update(String requestId, Consumer<SupportRequest> change) {
        requests.findById(requestId).ifPresentOrElse(request -> {
            change.accept(request);
            requests.save(request);
        }, () -> log.warn("An event names request {}, which intake does not know", requestId));
    }
}
