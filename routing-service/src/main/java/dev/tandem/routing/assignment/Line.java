package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.routing.agent.Agent;
import java.util.Comparator;
import java.util.Objects;

/**
 * The requests that wait for the same skill and language. The same agents serve them, so they stand in one
 * line, and a request's position is its place in its line: requests in another language, or needing another
 * skill, are served by other agents and do not hold it up.
 *
 * @param queue    the skill, which names the queue
 * @param language the primary subtag of the language, which is all an agent's language must match
 */
record Line(String queue, String language) {

    /**
     * The order a line is served in. Offered requests come first, since an agent's slot is already reserved
     * for each; then the waiting ones in the order {@link Dispatcher} offers them: most urgent first, then
     * oldest.
     */
    static final Comparator<LineMember> SERVING_ORDER = Comparator
            .comparing((LineMember member) -> !member.offered())
            .thenComparing(LineMember::urgency, Comparator.reverseOrder())
            .thenComparing(LineMember::submittedAt)
            .thenComparing(LineMember::id);

    /** The line a submitted request joins; without a category or a language it cannot be routed at all. */
    static Line of(RequestSubmitted submitted) {
        // a NullPointerException makes the event poison: it goes to the dead-letter topic after its retries
        return new Line(Objects.requireNonNull(submitted.category(), "category"),
                Agent.primarySubtag(Objects.requireNonNull(submitted.language(), "language")));
    }

    static Line of(RoutedRequest request) {
        return new Line(request.queue(), Agent.primarySubtag(request.language()));
    }

    /** Whether the agent could take this line's requests, were they available with a slot free. */
    boolean isServedBy(Agent agent) {
        return agent.hasSkillAndLanguage(queue, language);
    }
}
