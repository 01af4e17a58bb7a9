package dev.tandem.platform.outbox;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/**
 * A lease that lets one instance of a service relay its outbox at a time, so that several instances never
 * publish the same request's events out of order. Taking or renewing it is one atomic conditional update;
 * a holder that dies loses the lease when it runs out.
 */
class RelayLease {

    private static final String LEASE_ID = "outbox-relay";

    private final MongoCollection<Document> leases;
    private final Duration duration;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    RelayLease(MongoCollection<Document> leases, Duration duration, Clock clock) {
        this.leases = leases;
        this.duration = duration;
        this.clock = clock;
    }

    boolean acquire() {
        Date now = Date.from(clock.instant());
        try {
            leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", LEASE_ID),
                            Filters.or(Filters.eq("holder", holder), Filters.lt("expiresAt", now))),
                    Updates.combine(Updates.set("holder", holder),
                            Updates.set("expiresAt", Date.from(clock.instant().plus(duration)))),
                    new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (MongoCommandException | MongoWriteException e) {
            // another instance holds the lease: the upsert collided with its document
            return false;
        }
    }

    void release() {
        leases.deleteOne(Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq("holder", holder)));
    }
}
