package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.AgentPresence;
import dev.tandem.routing.agent.Agents;
import dev.tandem.routing.queue.QueueCatalog;
import dev.tandem.routing.queue.QueueDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What each queue does, now and over time: how many requests wait and for how long, how many agents are free or busy,
 * and what became of the offers, how long requests went without an owner, how many met their time-to-owner target,
 * how many escalated.
 * <p>
 * The counts go two ways. As Micrometer meters tagged by queue, for dashboards that add up every instance (the
 * time without an owner as a histogram, {@code tandem.routing.ownerless.time}). And into the store, for the
 * statistics API: each instance tallies in memory and adds its tally to an hourly document per queue, and to one
 * document per queue since the start, with one {@code $inc} per queue and document on each flush (every
 * {@value #FLUSH_SECONDS} s at most, from the sweep), so that counting costs no write per offer. The API adds this
 * instance's unflushed tally; a crash loses at most one flush interval of counts.
 */
@Component
class QueueStatistics {

    /** The upper bounds of the buckets that time to owner is counted in; the p90 is read from them. */
    static final List<Duration> TIME_TO_OWNER_BOUNDS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
            Duration.ofHours(8), Duration.ofHours(24));
    static final String COLLECTION = "queue_statistics";
    private static final int FLUSH_SECONDS = 10;
    private static final int HOURS_KEPT_DAYS = 8;
    private static final Logger log = LoggerFactory.getLogger(QueueStatistics.class);

    private final MongoTemplate mongo;
    private final LineBook book;
    private final Agents agents;
    private final QueueCatalog catalog;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Tally> unflushed = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private volatile Instant flushedAt;

    QueueStatistics(MongoTemplate mongo, LineBook book, Agents agents, QueueCatalog catalog, MeterRegistry meters,
                    Clock clock) {
        this.mongo = mongo;
        this.book = book;
        this.agents = agents;
        this.catalog = catalog;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The statistics API reads a queue's hourly documents of the last day by queue and hour; they expire after
     * {@value #HOURS_KEPT_DAYS} days on MongoDB (the document since the start has no hour, and stays).
     */
    @EventListener(ApplicationReadyEvent.class)
    void indexTheStatistics() {
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("queue", Sort.Direction.ASC).on("hour", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("hour", Sort.Direction.ASC).expire(Duration.ofDays(HOURS_KEPT_DAYS)));
    }

    /** An offer was made at the step in force, 1 for the first. */
    void offered(String queue, int step) {
        count(queue, Tally.Count.OFFERED, "tandem.routing.offer.outcomes", "outcome", "created");
        Counter.builder("tandem.routing.offers").description("Offers made, by queue and the step in force")
                .tag("queue", queue).tag("step", String.valueOf(step)).register(meters).increment();
    }

    void declined(String queue) {
        count(queue, Tally.Count.DECLINED, "tandem.routing.offer.outcomes", "outcome", "declined");
    }

    void expired(String queue) {
        count(queue, Tally.Count.EXPIRED, "tandem.routing.offer.outcomes", "outcome", "expired");
    }

    void escalated(String queue) {
        count(queue, Tally.Count.ESCALATED, "tandem.routing.escalations", null, null);
    }

    void breached(String queue) {
        count(queue, Tally.Count.BREACHED, "tandem.routing.sla.breaches", null, null);
    }

    /**
     * An agent accepted the request: how long it went without an owner, and whether that met its target.
     *
     * @param breachedNow whether its target passed just before, too lately for the sweep to record the breach
     */
    void accepted(RoutedRequest request, boolean breachedNow) {
        String queue = request.queue();
        count(queue, Tally.Count.ACCEPTED, "tandem.routing.offer.outcomes", "outcome", "accepted");
        if (breachedNow) {
            breached(queue);
        }
        boolean met = request.slaBreachedAt() == null;
        count(queue, met ? Tally.Count.SLA_MET : Tally.Count.SLA_MISSED, "tandem.routing.sla.outcomes", "outcome",
                met ? "met" : "missed");
        Duration ownerless = request.lastOwnerless();
        tally(queue).timeToOwner(ownerless);
        Timer.builder("tandem.routing.ownerless.time")
                .description("How long requests had no one working on them: from joining the queue, or from their "
                        + "owner leaving, until an agent accepted them")
                .tag("queue", queue).publishPercentileHistogram().register(meters).record(ownerless);
    }

    /** The queue's statistics now, over the last 24 hours, and since the start. */
    QueueStatisticsView of(QueueDefinition queue) {
        Instant now = clock.instant();
        gauge(queue.name());
        LineBook.QueueLoad load = book.load(queue.name());
        AgentsServing serving = agentsServing(queue);
        Duration oldest = load.oldestJoinedAt() == null ? Duration.ZERO
                : Duration.between(load.oldestJoinedAt(), now).truncatedTo(ChronoUnit.SECONDS);
        Tally local = unflushed.getOrDefault(queue.name(), new Tally());
        Tally last24Hours = read(Query.query(Criteria.where("queue").is(queue.name())
                .and("hour").gte(hourOf(now).minus(Duration.ofHours(23))))).plus(local);
        Tally sinceStart = read(Query.query(Criteria.where("_id").is(totalId(queue.name())))).plus(local);
        return new QueueStatisticsView(queue.name(), now,
                new QueueStatisticsView.Now(load.unowned(), oldest, serving.available(), serving.busy()),
                last24Hours.view(), sinceStart.view());
    }

    /** Adds every queue's tally to the store, at most every {@value #FLUSH_SECONDS} seconds. */
    void flushIfDue() {
        Instant now = clock.instant();
        if (flushedAt != null && now.isBefore(flushedAt.plusSeconds(FLUSH_SECONDS))) {
            return;
        }
        flushedAt = now;
        for (Map.Entry<String, Tally> counted : unflushed.entrySet()) {
            String queue = counted.getKey();
            // the tally stays in place: a count made meanwhile goes into this flush or the next, never astray
            Tally tally = counted.getValue().drain();
            if (tally.isEmpty()) {
                continue;
            }
            try {
                tally.addTo(mongo, COLLECTION, queue + "|" + hourOf(now), queue, hourOf(now));
                tally.addTo(mongo, COLLECTION, totalId(queue), queue, null);
            } catch (RuntimeException storeDown) {
                log.warn("Statistics of queue {} could not be stored; kept for the next flush", queue, storeDown);
                counted.getValue().add(tally);
            }
        }
    }

    private Tally read(Query query) {
        Tally sum = new Tally();
        mongo.find(query, org.bson.Document.class, COLLECTION).forEach(sum::add);
        return sum;
    }

    private void count(String queue, Tally.Count count, String meter, String tagKey, String tagValue) {
        tally(queue).add(count);
        Counter.Builder builder = Counter.builder(meter).tag("queue", queue);
        if (tagKey != null) {
            builder.tag(tagKey, tagValue);
        }
        builder.register(meters).increment();
        gauge(queue);
    }

    private Tally tally(String queue) {
        return unflushed.computeIfAbsent(queue, name -> new Tally());
    }

    // the meters of what a queue looks like now, read on each scrape
    private void gauge(String queue) {
        if (!gauged.add(queue)) {
            return;
        }
        Gauge.builder("tandem.routing.queue.waiting", () -> book.load(queue).unowned())
                .description("Requests of the queue without an owner, offered or not").tag("queue", queue)
                .register(meters);
        Gauge.builder("tandem.routing.queue.oldest.wait", () -> {
            Instant joined = book.load(queue).oldestJoinedAt();
            return joined == null ? 0 : Duration.between(joined, clock.instant()).toSeconds();
        }).description("How long the request of the queue waiting longest has waited").baseUnit("seconds")
                .tag("queue", queue).register(meters);
        Gauge.builder("tandem.routing.queue.agents", () -> agentsServing(catalog.named(queue)).available())
                .description("Agents who serve the queue, at work with a slot free").tag("queue", queue)
                .tag("state", "available").register(meters);
        Gauge.builder("tandem.routing.queue.agents", () -> agentsServing(catalog.named(queue)).busy())
                .description("Agents who serve the queue, at work with every slot taken, or busy")
                .tag("queue", queue).tag("state", "busy").register(meters);
    }

    // the agents who serve the queue now, as this instance knows them: available with a slot free, and busy
    private AgentsServing agentsServing(QueueDefinition queue) {
        int available = 0;
        int busy = 0;
        for (Agent agent : agents.known()) {
            if (serves(agent, queue)) {
                if (agent.takesOffers()) {
                    available++;
                } else if (isBusy(agent)) {
                    busy++;
                }
            }
        }
        return new AgentsServing(available, busy);
    }

    private record AgentsServing(int available, int busy) {
    }

    // an agent serves a queue when they meet what some step of it asks, in a language of their own
    private static boolean serves(Agent agent, QueueDefinition queue) {
        return agent.active() && agent.languages().stream()
                .anyMatch(language -> Eligibility.servesAtAll(agent, queue, language));
    }

    private static boolean isBusy(Agent agent) {
        return agent.active() && (agent.presence() == AgentPresence.BUSY
                || agent.presence() == AgentPresence.AVAILABLE && agent.freeSlots() <= 0);
    }

    private static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    private static String totalId(String queue) {
        return queue + "|total";
    }
}
