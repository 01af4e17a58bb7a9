package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.RequestReopened;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.RequestWithdrawn;
import dev.tandem.platform.inbox.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Puts every submitted request in the queue of its skill, and takes it out again, or puts it back, as its customer
 * withdraws or reopens it. Added details need nothing of routing: the owner reads them on the status page.
 */
@Configuration(proxyBeanMethods = false)
class IntakeListener {

    private final EventInbox inbox;
    private final Assignments assignments;

    IntakeListener(EventInbox inbox, Assignments assignments) {
        this.inbox = inbox;
        this.assignments = assignments;
    }

    @Bean
    Consumer<Message<byte[]>> intakeEvents() {
        return inbox.consumer("routing-intake", IntakeEvent.class)
                .on(RequestSubmitted.class, assignments::queue)
                .on(RequestWithdrawn.class, withdrawn -> assignments.withdraw(withdrawn.requestId()))
                .on(RequestReopened.class, reopened -> assignments.reopen(reopened.requestId()));
    }
}
