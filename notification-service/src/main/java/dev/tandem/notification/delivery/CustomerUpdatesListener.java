package dev.tandem.notification.delivery;

import dev.tandem.contracts.feedback.CheckInIssued;
import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.feedback.FeedbackReceived;
import dev.tandem.contracts.intake.DetailsAdded;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.RequestReopened;
import dev.tandem.contracts.intake.RequestWithdrawn;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.contracts.routing.NextUpdatePromised;
import dev.tandem.contracts.routing.OfferDeclined;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.platform.inbox.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Keeps customers informed: the moments of a request's life that they hear about without asking. */
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
        return message -> inbox.receive("notify-intake", message, IntakeEvent.class, event -> {
            switch (event) {
                case RequestSubmitted submitted -> notifier.acknowledge(submitted);
                // the customer's own actions: the status page confirms them, no message needed
                case DetailsAdded added -> { }
                case RequestWithdrawn withdrawn -> { }
                case RequestReopened reopened -> { }
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> routingEvents() {
        return message -> inbox.receive("notify-routing", message, RoutingEvent.class, event -> {
            switch (event) {
                case RequestAssigned assigned ->
                        notifier.notify(assigned, MessageKind.OWNER_ASSIGNED, assigned.agentName());
                case RequestResolved resolved -> notifier.notify(resolved, MessageKind.RESOLVED, resolved.summary());
                // routing's own steps: the customer hears once somebody owns the request
                case RequestQueued queued -> { }
                case QueuePositionChanged moved -> { }
                case RequestOffered offered -> { }
                case OfferDeclined declined -> { }
                // the status page shows the promise; no message about it yet (docs/architecture.md, "Not yet")
                case NextUpdatePromised promised -> { }
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> feedbackEvents() {
        return message -> inbox.receive("notify-feedback", message, FeedbackEvent.class, event -> {
            switch (event) {
                case CheckInIssued issued -> notifier.notify(issued, MessageKind.CHECK_IN, issued.link());
                // the customer's own answer: nothing to tell them
                case FeedbackReceived received -> { }
            }
        });
    }
}
