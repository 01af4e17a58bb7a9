package dev.tandem.feedback.checkin;

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

/** Closes the loop: every resolution routing publishes is followed by a check-in. */
@Configuration(proxyBeanMethods = false)
class ResolutionListener {

    private final EventInbox inbox;
    private final CheckIns checkIns;

    ResolutionListener(EventInbox inbox, CheckIns checkIns) {
        this.inbox = inbox;
        this.checkIns = checkIns;
    }

    @Bean
    Consumer<Message<byte[]>> routingEvents() {
        return message -> inbox.receive("check-in-issuer", message, RoutingEvent.class, this::on);
    }

    private void on(RoutingEvent event) {
        switch (event) {
            case RequestResolved resolved -> checkIns.issueAfter(resolved);
            // only a resolution asks the customer how we did
            case RequestQueued queued -> { }
            case QueuePositionChanged moved -> { }
            case RequestOffered offered -> { }
            case OfferDeclined declined -> { }
            case RequestAssigned assigned -> { }
            case NextUpdatePromised promised -> { }
        }
    }
}
