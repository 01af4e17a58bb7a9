package dev.tandem.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, in bounded memory: a bucket that has refilled completely is forgotten (a new one
 * would be the same), at most once per refill time, and clients beyond {@code maxClients} share one bucket
 * until room is made.
 */
final class ClientRateLimiter {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double burst;
    private final double perSecond;
    private final int maxClients;
    private final long sweepIntervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong nextSweep;
    private final TokenBucket overflow;

    ClientRateLimiter(double perSecond, int burst, int maxClients, LongSupplier nanoTime) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
        this.sweepIntervalNanos = Math.max(Duration.ofSeconds(1).toNanos(), (long) Math.ceil(burst / perSecond * 1e9));
        long now = nanoTime.getAsLong();
        this.nextSweep = new AtomicLong(now + sweepIntervalNanos);
        this.overflow = new TokenBucket(burst, perSecond, now);
    }

    /** Lets one request of the client through: zero, or else how long the client should wait before the next. */
    Duration acquire(String client) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        TokenBucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = buckets.size() < maxClients
                    ? buckets.computeIfAbsent(client, key -> new TokenBucket(burst, perSecond, now))
                    : overflow;
        }
        return Duration.ofNanos(bucket.tryTake(now));
    }

    /** How many clients have a bucket of their own. */
    int trackedClients() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + sweepIntervalNanos)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }
}
