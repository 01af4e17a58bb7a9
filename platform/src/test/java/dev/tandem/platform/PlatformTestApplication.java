package dev.tandem.platform;

import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.platform.inbox.EventInbox;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/** A minimal service that uses the platform as the real services do: an outbox document and one consumer. */
@SpringBootApplication
class PlatformTestApplication {

    /** What the consumer handled, in order; a subject of "fail" makes the handler throw. */
    static final List<RequestSubmitted> HANDLED = new CopyOnWriteArrayList<>();

    @Bean
    Consumer<Message<byte[]>> intakeEvents(EventInbox inbox) {
        return inbox.consumer("probe", IntakeEvent.class).on(RequestSubmitted.class, submitted -> {
            if ("fail".equals(submitted.subject())) {
                throw new IllegalStateException("handler refuses " + submitted.eventId());
            }
            HANDLED.add(submitted);
        });
    }
}
