package dev.tandem.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void letsABurstThroughThenOneRequestPerRefill() {
        ClientRateLimiter limiter = new ClientRateLimiter(10, 3, 100, nanos::get);

        assertThat(limiter.acquire("ada")).isZero();
        assertThat(limiter.acquire("ada")).isZero();
        assertThat(limiter.acquire("ada")).isZero();
        assertThat(limiter.acquire("ada")).isEqualTo(Duration.ofMillis(100));

        advance(Duration.ofMillis(60));
        assertThat(limiter.acquire("ada")).isEqualTo(Duration.ofMillis(40));
        advance(Duration.ofMillis(40));
        assertThat(limiter.acquire("ada")).isZero();
        assertThat(limiter.acquire("ada")).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aQuietClientGetsItsWholeBurstBackButNoMore() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 2, 100, nanos::get);
        limiter.acquire("ada");
        limiter.acquire("ada");

        advance(Duration.ofHours(1));

        assertThat(limiter.acquire("ada")).isZero();
        assertThat(limiter.acquire("ada")).isZero();
        assertThat(limiter.acquire("ada")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void eachClientHasABucketOfItsOwn() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 100, nanos::get);

        assertThat(limiter.acquire("ada")).isZero();
        assertThat(limiter.acquire("ada")).isPositive();
        assertThat(limiter.acquire("grace")).isZero();
    }

    @Test
    void aClientWhoseBucketHasRefilledIsForgotten() {
        ClientRateLimiter limiter = new ClientRateLimiter(10, 20, 100, nanos::get);
        limiter.acquire("ada");
        limiter.acquire("grace");
        assertThat(limiter.trackedClients()).isEqualTo(2);

        advance(Duration.ofSeconds(1));
        for (int i = 0; i < 15; i++) {
            limiter.acquire("grace");
        }
        advance(Duration.ofSeconds(1));
        limiter.acquire("alan");

        assertThat(limiter.trackedClients()).as("ada's bucket refilled: she is forgotten; grace's has not yet")
                .isEqualTo(2);
        assertThat(limiter.acquire("grace")).isZero();
    }

    @Test
    void clientsBeyondTheMaximumShareOneBucketSoMemoryStaysBounded() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 2, nanos::get);
        limiter.acquire("ada");
        limiter.acquire("grace");

        assertThat(limiter.acquire("alan")).isZero();
        assertThat(limiter.acquire("edsger")).as("shares alan's bucket").isPositive();
        assertThat(limiter.trackedClients()).isEqualTo(2);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
