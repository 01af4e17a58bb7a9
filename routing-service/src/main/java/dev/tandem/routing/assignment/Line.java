package dev.tandem.routing.assignment;

import dev.tandem.routing.queue.LanguageRule;
import dev.tandem.routing.queue.QueueCatalog;
import dev.tandem.routing.queue.QueueDefinition;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * The requests that wait in the same queue for the same language. The same agents serve them, so they stand in one
 * line, and a request's position is its place in its line: requests in another language, or in another queue, are
 * served by other agents and do not hold it up.
 *
 * @param queue    the queue's name
 * @param language what of the customer's language an agent's must match: the primary subtag, or the whole tag for a
 *                 queue that asks for an exact match
 */
record Line(String queue, String language) {

    /**
     * The order a line is served in. Offered requests come first, since an agent's slot is already reserved
     * for each; then the waiting ones in the order they are offered: by rank, which is effective priority
     * ({@link Priority}), then by id.
     */
    static final Comparator<LineMember> SERVING_ORDER = Comparator
            .comparing((LineMember member) -> !member.offered())
            .thenComparing(LineMember::rank)
            .thenComparing(LineMember::id);

    /** The line of a request in the queue and language; without a language it cannot be routed at all. */
    /** The line a routed request stands in, or would on joining its queue. */
    static Line of(QueueCatalog catalog, RoutedRequest request) {
        return of(catalog.named(request.queue()), request.language());
    }

    static Line of(QueueDefinition queue, String language) {
        // a NullPointerException makes the event poison: it goes to the dead-letter topic after its retries
        Objects.requireNonNull(language, "language");
        return new Line(queue.name(), queue.language() == LanguageRule.EXACT ? language.toLowerCase(Locale.ROOT)
                : LanguageRule.primarySubtag(language));
    }
}
