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
        return new RequestSubmitted(EventMetadata.of(UUID.randomUUID().toString(), "corr-" + subject, Instant.now()),
                "TDM-TEST01", "customer-ada", new Customer("Ada", "ada@example.com", null), "en", Channel.EMAIL, "billing",
                subject, "words", Urgency.NORMAL, null, null);
    }
}
