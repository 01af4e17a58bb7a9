package dev.tandem.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * This instance's picture of every {@link Line}: the requests without an owner in serving order, and how long the
 * latest requests of each line waited. With it, placing an arrival and working out every standing cost memory
 * lookups, not queries whose cost grows with the queue: a flood of requests with nobody to serve them builds lines
 * of tens of thousands, and counting the requests ahead of each arrival, or reading every waiting request each
 * second, would make routing fall further behind the longer the flood lasts.
 * <p>
 * Every write of a request by this instance updates the picture as it happens. What other instances write, it
 * learns by reading every request without an owner again, every {@code tandem.routing.queue.reload-interval}: till
 * then, a standing worked out here may leave out another instance's latest arrivals and departures. The quiet period
 * between two standings of a request ({@code update-interval}) is longer, so a customer hears the correction, not a
 * flip-flop between two instances' pictures.
 */
@Component
class LineBook extends AbstractMongoEventListener<RoutedRequest> {

    private static final List<RequestStatus> UNOWNED = List.of(RequestStatus.WAITING, RequestStatus.OFFERED);
    // recent waits are read again at most this often per line, and after this instance saves a request with a wait
    // sample (one it accepted, or changed after): one query a second per line instead of one per arrival
    private static final Duration WAITS_MAX_AGE = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final RoutingProperties.Queue settings;
    private final ReentrantLock loading = new ReentrantLock();
    // guarded by this: each line's members in serving order, each member by id
    private final Map<Line, List<LineMember>> lines = new HashMap<>();
    private final Map<String, LineMember> members = new HashMap<>();
    // guarded by this: this instance's writes while a load reads the store, to apply over what it read; when the
    // last load read the store
    private Map<String, LineMember> writtenWhileLoading;
    private Instant loadedAt;
    private final Map<Line, ReadWaits> waits = new ConcurrentHashMap<>();
    private final AtomicLong acceptances = new AtomicLong();

    LineBook(MongoTemplate mongo, RoutingProperties properties) {
        this.mongo = mongo;
        this.settings = properties.queue();
    }

    /** The position the request has in its line, or would have if it joined now: 1 plus those ahead of it. */
    int positionOf(LineMember member, Instant now) {
        // the sweep reads the store again when due; an arrival does only before anything has been read, so that
        // a consumer thread does not wait for a reload of every line
        if (neverLoaded()) {
            loadIfDue(now);
        }
        synchronized (this) {
            List<LineMember> line = lines.getOrDefault(member.line(), List.of());
            int found = Collections.binarySearch(line, member, Line.SERVING_ORDER);
            int ahead = found >= 0 ? found : -found - 1;
            // as it stood at its last write, it is not ahead of itself
            LineMember known = members.get(member.id());
            if (known != null && known.line().equals(member.line())
                    && Line.SERVING_ORDER.compare(known, member) < 0) {
                ahead--;
            }
            return ahead + 1;
        }
    }

    /** Every line's members in serving order, after reading the store again if the reload interval has passed. */
    Map<Line, List<LineMember>> lines(Instant now) {
        loadIfDue(now);
        synchronized (this) {
            Map<Line, List<LineMember>> copy = new HashMap<>();
            lines.forEach((line, inOrder) -> copy.put(line, List.copyOf(inOrder)));
            return copy;
        }
    }

    /** How long the latest accepted requests of the line waited (see {@link RecentWaits}). */
    RecentWaits recentWaits(Line line, Instant now) {
        long acceptedBefore = acceptances.get();
        ReadWaits read = waits.get(line);
        if (read != null && read.acceptances() == acceptedBefore && !now.isBefore(read.at())
                && now.isBefore(read.at().plus(WAITS_MAX_AGE))) {
            return read.waits();
        }
        Query latest = Query.query(Criteria.where("queue").is(line.queue())
                        .and("waitSample.language").is(line.language())
                        .and("waitSample.at").gte(now.minus(settings.sampleWindow())))
                .with(Sort.by(Sort.Direction.DESC, "waitSample.at"))
                .limit(settings.sampleSize());
        latest.fields().include("waitSample");
        RecentWaits recent = new RecentWaits(mongo.find(latest, RoutedRequest.class).stream()
                .map(RoutedRequest::waitSample).toList());
        waits.put(line, new ReadWaits(now, acceptedBefore, recent));
        return recent;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<RoutedRequest> event) {
        RoutedRequest request = event.getSource();
        if (request.waitSample() != null) {
            acceptances.incrementAndGet();
        }
        LineMember current = UNOWNED.contains(request.status()) ? LineMember.of(request) : null;
        synchronized (this) {
            place(request.id(), current);
            if (writtenWhileLoading != null) {
                writtenWhileLoading.put(request.id(), current);
            }
        }
    }

    private void loadIfDue(Instant now) {
        if (isDue(now)) {
            loading.lock();
            try {
                // another thread may have loaded meanwhile
                if (isDue(now)) {
                    load(now);
                }
            } finally {
                loading.unlock();
            }
        }
    }

    private synchronized boolean neverLoaded() {
        return loadedAt == null;
    }

    private synchronized boolean isDue(Instant now) {
        return loadedAt == null || !now.isBefore(loadedAt.plus(settings.reloadInterval()));
    }

    private void load(Instant now) {
        synchronized (this) {
            writtenWhileLoading = new HashMap<>();
        }
        try {
            Query unowned = Query.query(Criteria.where("status").in(UNOWNED));
            unowned.fields().include("queue", "language", "status", "urgency", "submittedAt", "place");
            List<LineMember> stored = mongo.find(unowned, RoutedRequest.class).stream().map(LineMember::of)
                    .toList();
            synchronized (this) {
                lines.clear();
                members.clear();
                for (LineMember member : stored) {
                    members.put(member.id(), member);
                    lines.computeIfAbsent(member.line(), line -> new ArrayList<>()).add(member);
                }
                lines.values().forEach(inOrder -> inOrder.sort(Line.SERVING_ORDER));
                // what this instance wrote while the store was read may or may not be in what was read
                writtenWhileLoading.forEach(this::place);
                loadedAt = now;
            }
        } finally {
            synchronized (this) {
                writtenWhileLoading = null;
            }
        }
    }

    // guarded by this: the request is now the given member of its line, or in none when null
    private void place(String id, LineMember current) {
        LineMember before = current == null ? members.remove(id) : members.put(id, current);
        if (before != null) {
            List<LineMember> line = lines.get(before.line());
            int at = Collections.binarySearch(line, before, Line.SERVING_ORDER);
            if (at >= 0) {
                line.remove(at);
            }
            if (line.isEmpty()) {
                lines.remove(before.line());
            }
        }
        if (current != null) {
            List<LineMember> line = lines.computeIfAbsent(current.line(), key -> new ArrayList<>());
            int at = Collections.binarySearch(line, current, Line.SERVING_ORDER);
            line.add(at >= 0 ? at : -at - 1, current);
        }
    }

    private record ReadWaits(Instant at, long acceptances, RecentWaits waits) {
    }
}
