package dev.tandem.platform.outbox;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import dev.tandem.contracts.RandomIds;
import org.bson.Document;

/**
 * A lease that lets one instance of a service relay its outbox at a time, so that several instances never
 * publish the same request's events out of order. Taking or renewing it is one atomic conditional update;
 * a holder that dies loses the lease when it runs out. The holder renews it once a third of it has passed,
 * not on every run, so that a busy relay does not write the lease between every two batches.
 */
class RelayLease {

    private static final String LEASE_ID = "outbox-relay";

    private final MongoCollection<Document> leases;
    private final Duration duration;
    private final Clock clock;
    private final String holder = RandomIds.uuid();
    // when this instance last took or renewed the lease; null while it does not hold it
    private volatile Instant acquiredAt;

    RelayLease(MongoCollection<Document> leases, Duration duration, Clock clock) {
        this.leases = leases;
        this.duration = duration;
        this.clock = clock;
    }

    /** Whether this instance took the lease and it has not run out since (by this instance's clock). */
    boolean isHeld() {
        Instant since = acquiredAt;
        return since != null && clock.instant().isBefore(since.plus(duration));
    }

    /**
     * Makes sure that this instance holds the lease: without a write while less than a third of it has passed
     * since it was taken or renewed, otherwise by taking or renewing it.
     *
     * @return whether this instance holds the lease
     */
    boolean hold() {
        Instant since = acquiredAt;
        if (since != null && clock.instant().isBefore(since.plus(duration.dividedBy(3)))) {
            return true;
        }
        return acquire();
    }

    /** Takes or renews the lease, if no other instance holds it. */
    boolean acquire() {
        Instant now = clock.instant();
        Document current = leases.find(Filters.eq("_id", LEASE_ID)).first();
        if (current != null && !holder.equals(current.getString("holder"))
                && current.getDate("expiresAt").toInstant().isAfter(now)) {
            // held by another instance: a read, not a colliding upsert, tells so
            acquiredAt = null;
            return false;
        }
        try {
            leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", LEASE_ID),
                            Filters.or(Filters.eq("holder", holder), Filters.lt("expiresAt", Date.from(now)))),
                    Updates.combine(Updates.set("holder", holder),
                            Updates.set("expiresAt", Date.from(now.plus(duration)))),
                    new FindOneAndUpdateOptions().upsert(true));
            acquiredAt = now;
            return true;
        } catch (MongoCommandException | MongoWriteException e) {
            // another instance holds the lease: the upsert collided with its document
            acquiredAt = null;
            return false;
        }
    }

    void release() {
        acquiredAt = null;
        leases.deleteOne(Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq("holder", holder)));
    }
}
