package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.DetailsAdded;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.RequestReopened;
import dev.tandem.contracts.intake.RequestWithdrawn;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.platform.inbox.EventInbox;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.Message;

/** Puts every submitted request in the queue of its skill, then offers it if a suitable agent is free. */
@Configuration(proxyBeanMethods = false)
class IntakeListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeListener.class);

    private final EventInbox inbox;
    private final RoutedRequestRepository requests;
    private final Dispatcher dispatcher;
    private final Assignments assignments;
    private final QueuePositions positions;
    private final Clock clock;

    IntakeListener(EventInbox inbox, RoutedRequestRepository requests, Dispatcher dispatcher,
                   Assignments assignments, QueuePositions positions, Clock clock) {
        this.inbox = inbox;
        this.requests = requests;
        this.dispatcher = dispatcher;
        this.assignments = assignments;
        this.positions = positions;
        this.clock = clock;
    }

    @Bean
    Consumer<Message<byte[]>> intakeEvents() {
        return message -> {
            inbox.receive("routing-intake", message, IntakeEvent.class, this::on);
            dispatcher.dispatch();
        };
    }

    private void on(IntakeEvent event) {
        switch (event) {
            case RequestSubmitted submitted -> queue(submitted);
            case RequestWithdrawn withdrawn -> assignments.withdraw(withdrawn.requestId());
            case RequestReopened reopened -> reopen(reopened);
            // the owner reads what the customer added on the request's status page in intake
            case DetailsAdded added -> { }
        }
    }

    private void reopen(RequestReopened reopened) {
        requests.findById(reopened.requestId()).ifPresentOrElse(request -> {
            if (request.reopen(clock.instant(), positions::placeOf)) {
                requests.save(request);
            }
        }, () -> log.warn("Request {} was reopened but routing never queued it", reopened.requestId()));
    }

    private void queue(RequestSubmitted submitted) {
        try {
            // the request id is the document id: however often the event comes, there is one routed request
            requests.insert(RoutedRequest.queue(submitted, clock.instant(), positions::placeOf));
        } catch (DuplicateKeyException alreadyQueued) {
            log.debug("Request {} is already queued", submitted.requestId());
        }
    }
}
