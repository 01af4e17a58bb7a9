package dev.tandem.routing.agent;

import static dev.tandem.routing.agent.AgentFixture.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.tandem.testsupport.MovableClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** This instance's picture of the agents, against a store that stands still. */
class AgentsTest {

    // a clock with more precision than the store keeps
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00.123456789Z"));
    private final MongoTemplate store = mock(MongoTemplate.class);
    private final Agents agents = new Agents(store, event -> { }, clock);

    @Test
    void anAgentReadBackInTheSameMillisecondAsItWasWrittenIsNotTakenForAnOlderState() {
        Agent registered = Agent.register("grace", "Grace", List.of(new Skill("billing", 3)), List.of("en"), 1, null,
                1, clock.instant());
        when(store.findAll(Agent.class)).thenReturn(List.of());
        when(store.insert(registered)).thenReturn(registered);
        agents.register(registered);
        // the store gives the time back to the millisecond
        Agent available = agent("grace").skill("billing", 3).build();
        Agent stored = new Agent(available.id(), available.name(), available.skills(), available.languages(), 1,
                null, 1, true, AgentPresence.AVAILABLE, clock.instant().truncatedTo(ChronoUnit.MILLIS), List.of(), 1,
                clock.instant(), null, 0, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        when(store.findAndModify(any(Query.class), any(Update.class), any(FindAndModifyOptions.class),
                any(Class.class))).thenReturn(stored);

        agents.changePresence("grace", AgentPresence.AVAILABLE, clock.instant());

        assertThat(agents.withFreeSlots()).extracting(Agent::id).containsExactly("grace");
    }
}
