package dev.tandem.notification.delivery;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.intake.Customer;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestResolved;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Events as the other services publish them, each test with a request and customer of its own. */
final class Events {

    private static final String REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Events() {
    }

    static RequestSubmitted submitted(String name, String email, String phone, String language, Channel preferred) {
        String requestId = UUID.randomUUID().toString();
        return new RequestSubmitted(EventMetadata.of(requestId, "corr-" + requestId.substring(0, 8), Instant.now()),
                reference(), "customer-" + name, new Customer(name, email, phone), language, preferred, "billing", "Charged twice",
                "My statement shows two charges.", Urgency.HIGH, null, null);
    }

    static RequestAssigned assigned(RequestSubmitted submitted, String agentName) {
        return new RequestAssigned(next(submitted), "agent-7", agentName, "has skill billing and speaks en");
    }

    static RequestResolved resolved(RequestSubmitted submitted, String summary) {
        return new RequestResolved(next(submitted), "agent-7", "Grace Hopper", summary);
    }

    /** A unique address at a domain of this test run, so tests never see each other's mail. */
    static String email(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A unique E.164 number in the UK's drama range. */
    static String phone() {
        return "+4477009" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    private static EventMetadata next(RequestSubmitted submitted) {
        return EventMetadata.of(submitted.requestId(), submitted.metadata().correlationId(), Instant.now());
    }

    private static String reference() {
        StringBuilder reference = new StringBuilder("TDM-");
        for (int i = 0; i < 6; i++) {
            reference.append(REFERENCE_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(REFERENCE_ALPHABET.length())));
        }
        return reference.toString();
    }
}
