package dev.tandem.routing.assignment;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.intake.Customer;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;

/** Submitted requests as intake publishes them, for tests. */
final class Requests {

    private Requests() {
    }

    static RequestSubmitted submitted(String requestId, String category, String language, Urgency urgency,
                                      String correlationId, Instant at) {
        return new RequestSubmitted(EventMetadata.of(requestId, correlationId, at), "TDM-" + requestId.hashCode(), "customer-ada",
                new Customer("Ada", "ada@example.com", null), language, Channel.EMAIL, category,
                "Charged twice", "My statement shows two charges.", urgency, null, null);
    }

    /** The request queued first in its line, with no estimate of its wait. */
    static RoutedRequest queued(RequestSubmitted submitted, Instant now) {
        return RoutedRequest.queue(submitted, new Standing(1, null), now);
    }
}
