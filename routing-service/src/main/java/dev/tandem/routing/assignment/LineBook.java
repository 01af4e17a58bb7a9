package dev.tandem.routing.assignment;

import dev.tandem.routing.queue.QueueCatalog;
import dev.tandem.routing.queue.QueueDefinition;
import dev.tandem.routing.queue.QueueDefinition.StepInForce;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;
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
 * <p>
 * The book also keeps each line's waiting requests by the relaxation step in force, so that the {@link Router} looks
 * at one request per line and step, not at every waiting request: requests of one line at the same step ask the same
 * of an agent. A request moves to its next step when its time at the current one runs out, which the book notes by
 * a deadline per request ({@link #advance}).
 */
@Component
class LineBook extends AbstractMongoEventListener<RoutedRequest> {

    private static final List<RequestStatus> UNOWNED = List.of(RequestStatus.WAITING, RequestStatus.OFFERED);
    // recent waits are read again at most this often per line, and after this instance saves a request with a wait
    // sample (one it accepted, or changed after): one query a second per line instead of one per arrival
    private static final Duration WAITS_MAX_AGE = Duration.ofSeconds(1);

    // a decision looks at this many requests at most, however many were declined by everyone free
    private static final int MOST_LOOKED_AT = 10_000;
    // what the book reads of a request
    private static final String[] MEMBER_FIELDS = {"queue", "language", "status", "urgency", "rank", "step",
            "stepSince", "declines", "previousOwnerId", "knownAgentUntil", "place"};
    private static final Comparator<Deadline> BY_DEADLINE = Comparator.comparing(Deadline::at)
            .thenComparing(Deadline::id);

    private final MongoTemplate mongo;
    private final QueueCatalog catalog;
    private final Clock clock;
    private final RoutingProperties.Queue settings;
    private final ReentrantLock loading = new ReentrantLock();
    // guarded by this: each line's members in serving order, each member by id
    private final Map<Line, List<LineMember>> lines = new HashMap<>();
    private final Map<String, LineMember> members = new HashMap<>();
    // guarded by this: the waiting members of each line by the step in force, in serving order; where each is; when
    // each moves to its next step
    private final Map<Group, TreeSet<LineMember>> groups = new HashMap<>();
    private final Map<String, Group> groupOf = new HashMap<>();
    private final TreeSet<Deadline> deadlines = new TreeSet<>(BY_DEADLINE);
    private final Map<String, Instant> deadlineOf = new HashMap<>();
    // guarded by this: this instance's writes while a load reads the store, to apply over what it read; when the
    // last load read the store
    private Map<String, LineMember> writtenWhileLoading;
    private Instant loadedAt;
    private final Map<Line, ReadWaits> waits = new ConcurrentHashMap<>();
    private final AtomicLong acceptances = new AtomicLong();

    LineBook(MongoTemplate mongo, QueueCatalog catalog, Clock clock, RoutingProperties properties) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.clock = clock;
        this.settings = properties.queue();
    }

    /**
     * Looks at the waiting requests in serving order, one line and step at a time, and gives each to the judge until
     * the judge takes one: the first request of each line and step, then the next of the same line and step if the
     * judge asks for it ({@link Verdict#NEXT}), or none more of them ({@link Verdict#SKIP_STEP}: nobody can take
     * requests of that line at that step).
     */
    <T> Optional<T> firstTaken(Instant now, Judge<T> judge) {
        if (neverLoaded()) {
            loadIfDue(now);
        }
        synchronized (this) {
            advance(now);
            PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparing(Cursor::current,
                    Line.SERVING_ORDER));
            groups.forEach((group, inOrder) -> {
                Iterator<LineMember> members = inOrder.iterator();
                if (members.hasNext()) {
                    heads.add(new Cursor(group, members, members.next()));
                }
            });
            for (int looked = 0; !heads.isEmpty() && looked < MOST_LOOKED_AT; looked++) {
                Cursor head = heads.poll();
                Verdict<T> verdict = judge.judge(head.group().step(), head.current());
                if (verdict.taken() != null) {
                    return Optional.of(verdict.taken());
                }
                if (!verdict.skipsStep() && head.members().hasNext()) {
                    heads.add(new Cursor(head.group(), head.members(), head.members().next()));
                }
            }
            return Optional.empty();
        }
    }

    /** The request as this instance knows it, if it has no owner. */
    synchronized Optional<LineMember> member(String requestId) {
        return Optional.ofNullable(members.get(requestId));
    }

    /**
     * How many requests of the queue have no owner, offered or not, and when the one of them that has waited longest
     * joined its line; as this instance knows them.
     */
    synchronized QueueLoad load(String queue) {
        int unowned = 0;
        Instant oldest = null;
        for (Map.Entry<Line, List<LineMember>> line : lines.entrySet()) {
            if (!line.getKey().queue().equals(queue)) {
                continue;
            }
            for (LineMember member : line.getValue()) {
                unowned++;
                Instant joined = member.place() == null ? null : member.place().joinedAt();
                if (joined != null && (oldest == null || joined.isBefore(oldest))) {
                    oldest = joined;
                }
            }
        }
        return new QueueLoad(unowned, oldest);
    }

    /**
     * The requests of a queue without an owner.
     *
     * @param oldestJoinedAt when the one waiting longest joined its line; null when none waits
     */
    record QueueLoad(int unowned, Instant oldestJoinedAt) {
    }

    /** How many requests wait, not offered, as this instance knows them. */
    synchronized int waiting() {
        return groupOf.size();
    }

    /** Learns the request as stored now: after a claim failed because another instance changed it first. */
    void refresh(String requestId) {
        Query byId = Query.query(Criteria.where("_id").is(requestId));
        byId.fields().include(MEMBER_FIELDS);
        RoutedRequest stored = mongo.findOne(byId, RoutedRequest.class);
        remember(stored, requestId);
    }

    /** Takes the request's state into the book as this instance wrote it. */
    void remember(RoutedRequest request) {
        remember(request, request.id());
    }

    private void remember(RoutedRequest request, String id) {
        LineMember current = request != null && UNOWNED.contains(request.status())
                ? memberOf(request) : null;
        synchronized (this) {
            place(id, current, clock.instant());
            if (writtenWhileLoading != null) {
                writtenWhileLoading.put(id, current);
            }
        }
    }

    private LineMember memberOf(RoutedRequest request) {
        return LineMember.of(request, catalog.named(request.queue()));
    }

    // guarded by this: moves the requests whose step ran out to the step in force now
    private void advance(Instant now) {
        while (!deadlines.isEmpty() && !deadlines.first().at().isAfter(now)) {
            Deadline due = deadlines.pollFirst();
            deadlineOf.remove(due.id());
            LineMember member = members.get(due.id());
            if (member != null) {
                ungroup(member);
                group(member, now);
            }
        }
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
        remember(request);
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
            unowned.fields().include(MEMBER_FIELDS);
            List<LineMember> stored = mongo.find(unowned, RoutedRequest.class).stream()
                    .map(this::memberOf).toList();
            Instant at = clock.instant();
            synchronized (this) {
                lines.clear();
                members.clear();
                groups.clear();
                groupOf.clear();
                deadlines.clear();
                deadlineOf.clear();
                for (LineMember member : stored) {
                    members.put(member.id(), member);
                    lines.computeIfAbsent(member.line(), line -> new ArrayList<>()).add(member);
                    if (!member.offered()) {
                        group(member, at);
                    }
                }
                lines.values().forEach(inOrder -> inOrder.sort(Line.SERVING_ORDER));
                // what this instance wrote while the store was read may or may not be in what was read
                writtenWhileLoading.forEach((id, member) -> place(id, member, at));
                loadedAt = now;
            }
        } finally {
            synchronized (this) {
                writtenWhileLoading = null;
            }
        }
    }

    // guarded by this: the request is now the given member of its line, or in none when null
    private void place(String id, LineMember current, Instant now) {
        LineMember before = current == null ? members.remove(id) : members.put(id, current);
        if (before != null) {
            ungroup(before);
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
            if (!current.offered()) {
                group(current, now);
            }
        }
    }

    // guarded by this: files a waiting member under its step in force now, with the deadline of that step
    private void group(LineMember member, Instant now) {
        QueueDefinition queue = catalog.named(member.line().queue());
        StepInForce inForce = queue.stepAt(member.step(), member.stepSince(), now);
        Group group = new Group(member.line(), inForce.index());
        groups.computeIfAbsent(group, key -> new TreeSet<>(Line.SERVING_ORDER)).add(member);
        groupOf.put(member.id(), group);
        if (inForce.endsAt() != null) {
            Deadline deadline = new Deadline(inForce.endsAt(), member.id());
            deadlines.add(deadline);
            deadlineOf.put(member.id(), deadline.at());
        }
    }

    // guarded by this
    private void ungroup(LineMember member) {
        Group group = groupOf.remove(member.id());
        if (group != null) {
            TreeSet<LineMember> inOrder = groups.get(group);
            inOrder.remove(member);
            if (inOrder.isEmpty()) {
                groups.remove(group);
            }
        }
        Instant deadline = deadlineOf.remove(member.id());
        if (deadline != null) {
            deadlines.remove(new Deadline(deadline, member.id()));
        }
    }

    /** What the {@link Router} says of a request it was shown. */
    record Verdict<T>(T taken, boolean skipsStep) {

        private static final Verdict<?> NEXT = new Verdict<>(null, false);
        private static final Verdict<?> SKIP_STEP = new Verdict<>(null, true);

        static <T> Verdict<T> take(T taken) {
            return new Verdict<>(taken, false);
        }

        /** Not this one; show the next of its line and step. */
        @SuppressWarnings("unchecked")
        static <T> Verdict<T> next() {
            return (Verdict<T>) NEXT;
        }

        /** None of its line at this step can be taken now. */
        @SuppressWarnings("unchecked")
        static <T> Verdict<T> skipStep() {
            return (Verdict<T>) SKIP_STEP;
        }
    }

    @FunctionalInterface
    interface Judge<T> {
        /** @param step the step in force, 0 for the first */
        Verdict<T> judge(int step, LineMember member);
    }

    private record Group(Line line, int step) {
    }

    private record Deadline(Instant at, String id) {
    }

    private record Cursor(Group group, Iterator<LineMember> members, LineMember current) {
    }

    private record ReadWaits(Instant at, long acceptances, RecentWaits waits) {
    }
}
