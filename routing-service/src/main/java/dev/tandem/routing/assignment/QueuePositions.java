package dev.tandem.routing.assignment;

import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.aggregate.ConcurrentChangeException;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.Agents;
import dev.tandem.routing.queue.QueueCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where each request without an owner stands in its {@link Line}, and how long it will likely wait
 * ({@link RecentWaits}), from this instance's {@link LineBook}. A request says so when it joins its line
 * ({@code RequestQueued}); the routing sweep works every line out again and each waiting request publishes a
 * {@code QueuePositionChanged} when its standing changed notably, at most once per update interval
 * ({@link RoutedRequest#standIn}). Nothing changes, nothing is read from the store or published.
 * <p>
 * Publishing is a versioned write of the request, so a dispatch that read the request before it applies its offer
 * again to the request as stored.
 */
@Component
class QueuePositions {

    private static final Duration COUNT_MAX_AGE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(QueuePositions.class);

    private final Aggregates aggregates;
    private final Agents agents;
    private final LineBook book;
    private final QueueCatalog catalog;
    private final RoutingProperties.Queue settings;
    private final Clock clock;
    private final Map<Line, Counted> serving = new ConcurrentHashMap<>();

    QueuePositions(Aggregates aggregates, Agents agents, LineBook book, QueueCatalog catalog,
                   RoutingProperties properties, Clock clock) {
        this.aggregates = aggregates;
        this.agents = agents;
        this.book = book;
        this.catalog = catalog;
        this.settings = properties.queue();
        this.clock = clock;
    }

    /** Where a request that is joining its line stands there: behind every request of its line that comes first. */
    Standing placeOf(LineMember newcomer) {
        Instant now = clock.instant();
        return standing(book.positionOf(newcomer, now), book.recentWaits(newcomer.line(), now),
                agentsServing(newcomer.line(), agents::available));
    }

    /** Works out every line again, and publishes the standings that are news. */
    void refresh() {
        Instant now = clock.instant();
        List<Agent> available = agents.available();
        book.lines(now).forEach((line, inOrder) -> {
            RecentWaits waits = book.recentWaits(line, now);
            int serving = agentsServing(line, () -> available);
            for (int i = 0; i < inOrder.size(); i++) {
                Standing current = standing(i + 1, waits, serving);
                if (inOrder.get(i).wouldHearOf(current, now, settings.updateInterval())) {
                    publish(inOrder.get(i).id(), current, now);
                }
            }
        });
    }

    /** How many available agents could serve the request's line. */
    int agentsAvailableFor(RoutedRequest request) {
        return agentsServing(Line.of(catalog, request), agents::available);
    }

    // the estimate is null rather than a guess when recent waits say too little
    private static Standing standing(int position, RecentWaits waits, int serving) {
        return new Standing(position, waits.estimate(position, serving).orElse(null));
    }

    // those who meet what some step of the line's queue asks; counted at most once a second per line, since every
    // arrival asks and the count only informs an estimate
    private int agentsServing(Line line, Supplier<List<Agent>> available) {
        Instant now = clock.instant();
        Counted counted = serving.get(line);
        if (counted != null && !now.isBefore(counted.at()) && now.isBefore(counted.at().plus(COUNT_MAX_AGE))) {
            return counted.agents();
        }
        var queue = catalog.named(line.queue());
        int agents = (int) available.get().stream()
                .filter(agent -> Eligibility.servesAtAll(agent, queue, line.language())).count();
        serving.put(line, new Counted(now, agents));
        return agents;
    }

    private record Counted(Instant at, int agents) {
    }

    // the request as stored decides: it may have been offered, or told its standing by another instance, meanwhile
    private void publish(String requestId, Standing current, Instant now) {
        try {
            aggregates.updateIf(RoutedRequest.class, requestId,
                    request -> request.standIn(current, now, settings.updateInterval()));
        } catch (ConcurrentChangeException busy) {
            log.debug("Request {} kept changing while its standing was published; the next refresh looks again",
                    requestId);
        }
    }
}
