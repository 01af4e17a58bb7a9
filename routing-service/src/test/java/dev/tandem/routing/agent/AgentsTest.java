package dev.tandem.routing.agent;

import static dev.tandem.routing.agent.AgentFixture.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.tandem.contracts.intake.Urgency;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class AgentsTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    private final MongoTemplate store = mock(MongoTemplate.class);
    private final Agents agents = new Agents(store, event -> { }, Clock.fixed(NOW, ZoneOffset.UTC));

    /**
     * Two instances change the agent at once: one frees the slot, stamping the change a millisecond after the other
     * stamps its reservation of the slot, but the reservation reaches the store last. The agent as stored is the later
     * state, with the earlier stamp; an instance that learned the freed slot must take it in when it reads the agent
     * again, or it goes on offering the agent requests that every reservation then finds no slot for.
     */
    @Test
    void theAgentAsReadAgainIsTakenInAfterAChangeThatWasStampedLaterButStoredEarlier() {
        Agent freed = agent("a-1").changed(NOW.plusMillis(2), 7).build();
        Agent reservedAfter = agent("a-1").holding("r-1", Urgency.NORMAL).changed(NOW.plusMillis(1), 8).build();
        agents.learn(freed);
        when(store.findById("a-1", Agent.class)).thenReturn(reservedAfter);

        agents.find("a-1");

        assertThat(agents.known("a-1")).hasValue(reservedAfter);
        assertThat(agents.withFreeSlots()).isEmpty();
    }

    @Test
    void aStateReadLateIsIgnoredWhenTheAgentHasChangedSinceWhateverItsStamp() {
        Agent reserved = agent("a-1").holding("r-1", Urgency.NORMAL).changed(NOW.plusMillis(1), 8).build();
        Agent before = agent("a-1").changed(NOW.plusMillis(2), 7).build();
        agents.learn(reserved);

        agents.learn(before);

        assertThat(agents.known("a-1")).hasValue(reserved);
        assertThat(agents.withFreeSlots()).isEmpty();
    }

    /**
     * The store keeps times to the millisecond; an agent just registered is known with the clock's full precision.
     * The same agent read back in the same millisecond, just made available, is the later state.
     */
    @Test
    void anAgentReadBackInTheSameMillisecondAsItWasWrittenIsTheLaterState() {
        Instant precise = NOW.plusNanos(123_456);
        Agent registered = Agent.register("grace", "Grace", List.of(new Skill("billing", 3)), List.of("en"), 1, null,
                1, precise);
        when(store.insert(registered)).thenReturn(registered);
        agents.register(registered);
        Agent available = agent("grace").skill("billing", 3).changed(NOW, 1).build();
        when(store.findAndModify(any(Query.class), any(Update.class), any(FindAndModifyOptions.class),
                eq(Agent.class))).thenReturn(available);

        agents.changePresence("grace", AgentPresence.AVAILABLE, precise);

        assertThat(agents.withFreeSlots()).extracting(Agent::id).containsExactly("grace");
    }
}
