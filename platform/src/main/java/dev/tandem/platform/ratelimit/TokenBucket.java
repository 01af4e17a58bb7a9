package dev.tandem.platform.ratelimit;

/**
 * Holds up to {@code capacity} tokens and refills continuously; each request takes one. Times are nanoseconds on
 * a monotonic clock, such as {@link System#nanoTime()}.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(double capacity, double tokensPerSecond, long now) {
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / 1e9;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes a token if there is one: returns 0, or else the nanoseconds until there will be one. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Full again: as good as a new bucket, so it can be forgotten. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
    }
}
