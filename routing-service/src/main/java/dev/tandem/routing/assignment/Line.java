package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.Agent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;

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
    static final Comparator<RoutedRequest> SERVING_ORDER = Comparator
            .comparing((RoutedRequest request) -> request.status() != RequestStatus.OFFERED)
            .thenComparing(RoutedRequest::urgency, Comparator.reverseOrder())
            .thenComparing(RoutedRequest::submittedAt)
            .thenComparing(RoutedRequest::id);

    static Line of(RoutedRequest request) {
        return new Line(request.queue(), Agent.primarySubtag(request.language()));
    }

    /**
     * The stored requests of this line that come before the given one in {@link #SERVING_ORDER}: the same order,
     * as a query, so that the store can count them. Members are those {@link #of} puts in this line (the primary
     * language subtag, in any case).
     */
    Criteria ahead(RoutedRequest request) {
        Instant submittedAt = request.submittedAt().truncatedTo(ChronoUnit.MILLIS); // as the store keeps it
        Criteria members = Criteria.where("queue").is(queue)
                .and("language").regex("^" + Pattern.quote(language) + "(-|$)", "i")
                .and("id").ne(request.id());
        Criteria servedBefore = new Criteria().orOperator(
                Criteria.where("priority").gt(request.priority()),
                Criteria.where("priority").is(request.priority()).and("submittedAt").lt(submittedAt),
                Criteria.where("priority").is(request.priority()).and("submittedAt").is(submittedAt)
                        .and("id").lt(request.id()));
        Criteria offered = Criteria.where("status").is(RequestStatus.OFFERED);
        return request.status() == RequestStatus.OFFERED
                ? new Criteria().andOperator(members, offered, servedBefore)
                : new Criteria().andOperator(members, new Criteria().orOperator(offered,
                        new Criteria().andOperator(Criteria.where("status").is(RequestStatus.WAITING), servedBefore)));
    }

    /** Whether the agent could take this line's requests, were they available with a slot free. */
    boolean isServedBy(Agent agent) {
        return agent.hasSkillAndLanguage(queue, language);
    }
}
