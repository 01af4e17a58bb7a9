package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.routing.agent.Agents;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One dispatch at a time in an instance, and nothing asked for is missed. */
class DispatcherTest {

    private final Router router = mock(Router.class);
    private final RoutingBoard board = new RoutingBoard(Map.of(), List.of());
    private final Dispatcher dispatcher = new Dispatcher(router, board.book, mock(Aggregates.class),
            mock(Agents.class), board.properties, Clock.systemUTC(), mock(QueueStatistics.class));

    @Test
    void aDispatchAskedForWhileOneRunsIsLeftToItAndItLooksOnceMoreWhenItIsDone() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        AtomicInteger looks = new AtomicInteger();
        when(router.next(any())).thenAnswer(call -> {
            if (looks.incrementAndGet() == 1) {
                inside.countDown();
                goOn.await();
            }
            return Optional.empty();
        });
        Thread first = new Thread(dispatcher::dispatch);
        first.start();
        inside.await();

        dispatcher.dispatch();

        assertThat(looks).as("the second left it to the first, which is still looking").hasValue(1);
        goOn.countDown();
        first.join();
        assertThat(looks).as("the first looked once more for the second").hasValue(2);
    }
}
