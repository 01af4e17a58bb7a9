package dev.tandem.feedback.checkin;

import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.platform.inbox.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Closes the loop: every resolution routing publishes is followed by a check-in; no other step asks for one. */
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
        return inbox.consumer("check-in-issuer", RoutingEvent.class).on(RequestResolved.class, checkIns::issueAfter);
    }
}
