package dev.tandem.platform;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.intake.Customer;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;
import java.util.UUID;

final class Events {

    private Events() {
    }

    static RequestSubmitted submitted(String subject) {
        return submitted(UUID.randomUUID().toString(), subject);
    }

    /** An event of the given request: several of them, one after the other, are that request's events in order. */
    static RequestSubmitted submitted(String requestId, String subject) {
        return new RequestSubmitted(EventMetadata.of(requestId, "corr-" + subject, Instant.now()),
                "TDM-TEST01", "customer-ada", new Customer("Ada", "ada@example.com", null), "en", Channel.EMAIL, "billing",
                subject, "words", Urgency.NORMAL, null, null);
    }
}
