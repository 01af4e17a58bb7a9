package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.Agents;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Where each request without an owner stands in its {@link Line}, and how long it will likely wait
 * ({@link RecentWaits}). A request says so when it joins its line ({@code RequestQueued}); the routing sweep
 * works every line out again and each waiting request publishes a {@code QueuePositionChanged} when its
 * standing changed notably, at most once per update interval ({@link RoutedRequest#standIn}). Nothing changes,
 * nothing is published.
 * <p>
 * Publishing is a versioned write of the request, so a dispatch that read the request before it loses its
 * claim and gives the agent's slot back: the next dispatch, a second later at most, offers the request.
 */
@Component
class QueuePositions {

    private static final Logger log = LoggerFactory.getLogger(QueuePositions.class);
    private static final List<RequestStatus> UNOWNED = List.of(RequestStatus.WAITING, RequestStatus.OFFERED);

    private final RoutedRequestRepository requests;
    private final Agents agents;
    private final MongoTemplate mongo;
    private final RoutingProperties.Queue settings;
    private final Clock clock;

    QueuePositions(RoutedRequestRepository requests, Agents agents, MongoTemplate mongo, RoutingProperties properties,
                   Clock clock) {
        this.requests = requests;
        this.agents = agents;
        this.mongo = mongo;
        this.settings = properties.queue();
        this.clock = clock;
    }

    /**
     * Where a request that is joining its line stands there: behind every request of its line that comes first
     * in {@link Line#SERVING_ORDER}, counted by the store rather than read, so that placing an arrival does not
     * cost more the longer the line is.
     */
    Standing placeOf(RoutedRequest newcomer) {
        Line line = Line.of(newcomer);
        int position = Math.toIntExact(mongo.count(Query.query(line.ahead(newcomer)), RoutedRequest.class)) + 1;
        return standing(position, recentWaits(line, clock.instant()), agentsServing(line, agents.available()));
    }

    /** Works out every line again, and publishes the standings that are news. */
    void refresh() {
        Instant now = clock.instant();
        List<Agent> available = agents.available();
        Map<Line, List<RoutedRequest>> lines = requests.findByStatusIn(UNOWNED).stream()
                .collect(Collectors.groupingBy(Line::of));
        lines.forEach((line, members) -> {
            Map<String, Standing> standings = standings(line, members, available, now);
            for (RoutedRequest request : members) {
                if (request.standIn(standings.get(request.id()), now, settings.updateInterval())) {
                    save(request);
                }
            }
        });
    }

    /** How many available agents could serve the request's line. */
    int agentsAvailableFor(RoutedRequest request) {
        return agentsServing(Line.of(request), agents.available());
    }

    private Map<String, Standing> standings(Line line, List<RoutedRequest> members, List<Agent> available,
                                            Instant now) {
        RecentWaits waits = recentWaits(line, now);
        int serving = agentsServing(line, available);
        List<RoutedRequest> inOrder = members.stream().sorted(Line.SERVING_ORDER).toList();
        Map<String, Standing> standings = new HashMap<>();
        for (int i = 0; i < inOrder.size(); i++) {
            int position = i + 1;
            standings.put(inOrder.get(i).id(), standing(position, waits, serving));
        }
        return standings;
    }

    // the estimate is null rather than a guess when recent waits say too little
    private static Standing standing(int position, RecentWaits waits, int serving) {
        return new Standing(position, waits.estimate(position, serving).orElse(null));
    }

    private RecentWaits recentWaits(Line line, Instant now) {
        Query latest = Query.query(Criteria.where("queue").is(line.queue())
                        .and("waitSample.language").is(line.language())
                        .and("waitSample.at").gte(now.minus(settings.sampleWindow())))
                .with(Sort.by(Sort.Direction.DESC, "waitSample.at"))
                .limit(settings.sampleSize());
        latest.fields().include("waitSample");
        return new RecentWaits(mongo.find(latest, RoutedRequest.class).stream().map(RoutedRequest::waitSample)
                .toList());
    }

    private static int agentsServing(Line line, List<Agent> available) {
        return (int) available.stream().filter(line::isServedBy).count();
    }

    private void save(RoutedRequest request) {
        try {
            requests.save(request);
        } catch (OptimisticLockingFailureException movedMeanwhile) {
            // offered or fenced meanwhile: the next refresh looks at it as it is then
            log.debug("Request {} changed while its standing was published", request.id());
        }
    }
}
