package dev.tandem.routing.assignment;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.intake.Customer;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.routing.queue.LanguageRule;
import dev.tandem.routing.queue.QueueDefinition;
import dev.tandem.routing.queue.SelectionPolicy;
import dev.tandem.routing.queue.SkillRequirement;
import dev.tandem.routing.queue.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Submitted requests as intake publishes them, and queues to route them by, for tests. */
final class Requests {

    static final Duration HEAD_START = Duration.ofMinutes(10);
    /** The default time-to-owner targets: CRITICAL 5 min, HIGH 30 min, NORMAL 4 h, LOW 24 h; escalating at 80 %. */
    static final RoutingProperties.Sla SLA = new RoutingProperties.Sla(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(4), Duration.ofHours(24), 0.8);
    static final Duration COOL_DOWN = Duration.ofMinutes(10);

    private Requests() {
    }

    static RequestSubmitted submitted(String requestId, String category, String language, Urgency urgency,
                                      String correlationId, Instant at) {
        return new RequestSubmitted(EventMetadata.of(requestId, correlationId, at), "TDM-" + requestId.hashCode(), "customer-ada",
                new Customer("Ada", "ada@example.com", null), language, Channel.EMAIL, category,
                "Charged twice", "My statement shows two charges.", urgency, null, null);
    }

    /** A queue of the category's own name, asking for the skill of that name, with no relaxation. */
    static QueueDefinition queueOf(String category) {
        return new QueueDefinition(category, List.of(category), List.of(new SkillRequirement(category, 1)),
                LanguageRule.PRIMARY_SUBTAG, SelectionPolicy.LONGEST_IDLE, List.of(Step.asRequired()));
    }

    /** The request queued first in its line, with no estimate of its wait. */
    static RoutedRequest queued(RequestSubmitted submitted, Instant now) {
        return queued(submitted, new Standing(1, null), now);
    }

    static RoutedRequest queued(RequestSubmitted submitted, Standing standing, Instant now) {
        return RoutedRequest.queue(submitted, queueOf(submitted.category()), standing, HEAD_START, SLA, now);
    }

    /** Why an agent was chosen, as the router explains a simple choice. */
    static Explanation explanation(String agentId) {
        return new Explanation("billing", 1, "billing 1 or more, until accepted", "LONGEST_IDLE", 1, agentId,
                List.of(), 1, "en", List.of());
    }
}
