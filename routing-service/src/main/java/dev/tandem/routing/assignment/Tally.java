package dev.tandem.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Counts of one queue over some period, safe to add to from many threads: what became of offers, escalations and
 * breaches, time-to-owner outcomes, and the times to owner in {@link QueueStatistics#TIME_TO_OWNER_BOUNDS buckets}.
 * As stored, one field per count ({@code offered}, {@code timeToOwner.b3}, ...).
 */
final class Tally {

    /** What is counted, each by its field name. */
    enum Count {
        OFFERED("offered"), ACCEPTED("accepted"), DECLINED("declined"), EXPIRED("expired"),
        ESCALATED("escalated"), BREACHED("breached"), SLA_MET("slaMet"), SLA_MISSED("slaMissed");

        private final String field;

        Count(String field) {
            this.field = field;
        }
    }

    private static final List<Duration> BOUNDS = QueueStatistics.TIME_TO_OWNER_BOUNDS;
    private static final int BUCKETS = BOUNDS.size() + 1;
    private static final String SUM_MILLIS = "timeToOwnerMillis";

    private final AtomicLongArray counts = new AtomicLongArray(Count.values().length);
    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS);
    private final AtomicLong sumMillis = new AtomicLong();

    void add(Count count) {
        counts.incrementAndGet(count.ordinal());
    }

    void timeToOwner(Duration waited) {
        int bucket = 0;
        while (bucket < BOUNDS.size() && waited.compareTo(BOUNDS.get(bucket)) > 0) {
            bucket++;
        }
        buckets.incrementAndGet(bucket);
        sumMillis.addAndGet(waited.toMillis());
    }

    void add(Tally other) {
        for (Count count : Count.values()) {
            counts.addAndGet(count.ordinal(), other.counts.get(count.ordinal()));
        }
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            buckets.addAndGet(bucket, other.buckets.get(bucket));
        }
        sumMillis.addAndGet(other.sumMillis.get());
    }

    /** Adds the counts of a stored document. */
    void add(Document stored) {
        for (Count count : Count.values()) {
            counts.addAndGet(count.ordinal(), number(stored.get(count.field)));
        }
        Object timeToOwner = stored.get("timeToOwner");
        if (timeToOwner instanceof Document inBuckets) {
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                buckets.addAndGet(bucket, number(inBuckets.get("b" + bucket)));
            }
        }
        sumMillis.addAndGet(number(stored.get(SUM_MILLIS)));
    }

    Tally plus(Tally other) {
        Tally sum = new Tally();
        sum.add(this);
        sum.add(other);
        return sum;
    }

    /** Moves every count out into a new tally, leaving this one at zero; a count made meanwhile stays here. */
    Tally drain() {
        Tally drained = new Tally();
        for (int i = 0; i < counts.length(); i++) {
            drained.counts.set(i, counts.getAndSet(i, 0));
        }
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            drained.buckets.set(bucket, buckets.getAndSet(bucket, 0));
        }
        drained.sumMillis.set(sumMillis.getAndSet(0));
        return drained;
    }

    boolean isEmpty() {
        for (int i = 0; i < counts.length(); i++) {
            if (counts.get(i) != 0) {
                return false;
            }
        }
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            if (buckets.get(bucket) != 0) {
                return false;
            }
        }
        return sumMillis.get() == 0;
    }

    /** Adds these counts to the document with the id, made if missing, in one atomic update. */
    void addTo(MongoTemplate mongo, String collection, String id, String queue, Instant hour) {
        Update update = new Update().set("queue", queue);
        if (hour != null) {
            update.set("hour", hour);
        }
        for (Count count : Count.values()) {
            long value = counts.get(count.ordinal());
            if (value != 0) {
                update.inc(count.field, value);
            }
        }
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            long value = buckets.get(bucket);
            if (value != 0) {
                update.inc("timeToOwner.b" + bucket, value);
            }
        }
        update.inc(SUM_MILLIS, sumMillis.get());
        mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
                FindAndModifyOptions.options().upsert(true), Document.class, collection);
    }

    QueueStatisticsView.Period view() {
        long accepted = counts.get(Count.ACCEPTED.ordinal());
        long met = counts.get(Count.SLA_MET.ordinal());
        long judged = met + counts.get(Count.SLA_MISSED.ordinal());
        long timed = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            timed += buckets.get(bucket);
        }
        return new QueueStatisticsView.Period(counts.get(Count.OFFERED.ordinal()), accepted,
                counts.get(Count.DECLINED.ordinal()), counts.get(Count.EXPIRED.ordinal()),
                counts.get(Count.ESCALATED.ordinal()), counts.get(Count.BREACHED.ordinal()),
                timed == 0 ? null : Duration.ofMillis(sumMillis.get() / timed).withNanos(0),
                timed == 0 ? null : p90(timed),
                judged == 0 ? null : Math.round(1000.0 * met / judged) / 1000.0);
    }

    // the upper bound of the bucket that holds the 90th percentile; beyond the last bound, that bound
    private Duration p90(long timed) {
        long needed = (long) Math.ceil(0.9 * timed);
        long seen = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            seen += buckets.get(bucket);
            if (seen >= needed) {
                return BOUNDS.get(Math.min(bucket, BOUNDS.size() - 1));
            }
        }
        return BOUNDS.getLast();
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
