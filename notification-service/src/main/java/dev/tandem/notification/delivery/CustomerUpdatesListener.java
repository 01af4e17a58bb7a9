package dev.tandem.notification.delivery;

import dev.tandem.contracts.feedback.CheckInIssued;
import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.platform.inbox.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps customers informed: the moments of a request's life that they hear about without asking. The other event
 * types on these topics are routing's own steps, or the customer's own actions that the status page confirms.
 */
@Configuration(proxyBeanMethods = false)
class CustomerUpdatesListener {

    private final EventInbox inbox;
    private final Notifier notifier;

    CustomerUpdatesListener(EventInbox inbox, Notifier notifier) {
        this.inbox = inbox;
        this.notifier = notifier;
    }

    @Bean
    Consumer<Message<byte[]>> intakeEvents() {
        return inbox.consumer("notify-intake", IntakeEvent.class)
                .on(RequestSubmitted.class, notifier::acknowledge);
    }

    @Bean
    Consumer<Message<byte[]>> routingEvents() {
        return inbox.consumer("notify-routing", RoutingEvent.class)
                .on(RequestAssigned.class,
                        assigned -> notifier.notify(assigned, MessageKind.OWNER_ASSIGNED, assigned.agentName()))
                .on(RequestResolved.class,
                        resolved -> notifier.notify(resolved, MessageKind.RESOLVED, resolved.summary()));
    }

    @Bean
    Consumer<Message<byte[]>> feedbackEvents() {
        return inbox.consumer("notify-feedback", FeedbackEvent.class)
                .on(CheckInIssued.class, issued -> notifier.notify(issued, MessageKind.CHECK_IN, issued.link()));
    }
}
