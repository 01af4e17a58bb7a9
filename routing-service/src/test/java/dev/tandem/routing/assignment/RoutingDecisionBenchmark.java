package dev.tandem.routing.assignment;

import dev.tandem.contracts.intake.Urgency;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.AgentPresence;
import dev.tandem.routing.agent.Skill;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The offer decision at scale: 10,000 agents and 100,000 waiting requests over 50 queues, each queue with four
 * relaxation steps (proficiency 4 at tier 1 for a minute, then 3, then 2 at any tier, then anyone who speaks the
 * language). Every agent starts with all slots taken. One operation is one turn of a busy contact centre: an agent
 * lets go of a request, the router decides the next offer, the offer is made and accepted (the agent's slot taken,
 * the request out of its line), and a new request arrives, so that 100,000 keep waiting. The clock moves 10 ms per
 * operation, so requests move through their steps as they wait.
 * <p>
 * Only the decision and the in-memory picture are measured: the store's writes of a real offer are not. Run it with
 * {@code load-tests/routing-benchmark.sh}; figures in {@code docs/performance.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class RoutingDecisionBenchmark {

    private static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "en", "de", "de", "pt"};

    @Param("10000")
    int agents;
    @Param("100000")
    int waiting;
    @Param("50")
    int queues;

    private RoutingBoard board;
    private final SplittableRandom random = new SplittableRandom(42);
    private final Map<String, RoutedRequest> requests = new HashMap<>();
    private final List<Agent> byIndex = new ArrayList<>();
    private final Map<String, Integer> indexOf = new HashMap<>();
    private long arrivals;
    private long offers;
    private long misses;

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, String> settings = new HashMap<>();
        for (int q = 0; q < queues; q++) {
            String name = "q" + q;
            String prefix = "tandem.routing.queues." + name + ".";
            settings.put(prefix + "categories[0]", name);
            settings.put(prefix + "skills.s" + q, "2");
            settings.put(prefix + "steps[0].duration", "60s");
            settings.put(prefix + "steps[0].min-proficiency", "4");
            settings.put(prefix + "steps[0].tiers[0]", "1");
            settings.put(prefix + "steps[1].duration", "2m");
            settings.put(prefix + "steps[1].min-proficiency", "3");
            settings.put(prefix + "steps[1].tiers[0]", "1");
            settings.put(prefix + "steps[1].tiers[1]", "2");
            settings.put(prefix + "steps[2].duration", "5m");
            settings.put(prefix + "steps[2].min-proficiency", "2");
            settings.put(prefix + "steps[3].require-skills", "false");
        }
        Instant start = RoutingBoard.START;
        for (int i = 0; i < agents; i++) {
            int capacity = 1 + random.nextInt(3);
            List<ActiveRequest> holding = new ArrayList<>();
            for (int slot = 0; slot < capacity; slot++) {
                holding.add(new ActiveRequest("held-" + i + "-" + slot, start, Urgency.NORMAL));
            }
            int first = random.nextInt(queues);
            List<Skill> skills = List.of(new Skill("s" + first, 1 + random.nextInt(5)),
                    new Skill("s" + ((first + 1 + random.nextInt(queues - 1)) % queues), 1 + random.nextInt(5)));
            String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
            List<String> languages = language.equals("en") ? List.of("en") : List.of("en", language);
            int tier = random.nextInt(10) < 7 ? 1 : random.nextInt(10) < 7 ? 2 : 3;
            Agent agent = new Agent("agent-" + i, "Agent " + i, skills, languages, tier, Agent.DEFAULT_TEAM, capacity,
                    true, AgentPresence.AVAILABLE, start, holding, 0, start.minusSeconds(random.nextInt(3600)), null, 0,
                    start, 0);
            indexOf.put(agent.id(), byIndex.size());
            byIndex.add(agent);
        }
        board = new RoutingBoard(settings, byIndex);
        board.router.next(start);
        // the waiting requests arrived over the last 10 minutes, so that they stand at every step
        for (int i = 0; i < waiting; i++) {
            arrive(start.minusMillis((long) (waiting - i) * 600_000 / waiting));
        }
    }

    @Benchmark
    public Router.Offer turn() {
        board.advance(Duration.ofMillis(10));
        Instant now = board.clock.instant();
        letGo(random.nextInt(byIndex.size()), now);
        Router.Offer offer = board.router.next(now).orElse(null);
        if (offer == null) {
            misses++;
        } else {
            offers++;
            take(offer, now);
        }
        arrive(now);
        return offer;
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n%d offers, %d turns without an offer, %d waiting at the end%n", offers, misses,
                board.book.waiting());
    }

    // an agent lets go of one of the requests they hold: one slot free
    private void letGo(int index, Instant now) {
        Agent agent = byIndex.get(index);
        if (agent.activeRequests().isEmpty()) {
            return;
        }
        List<ActiveRequest> holding = new ArrayList<>(agent.activeRequests());
        holding.remove(random.nextInt(holding.size()));
        learn(index, with(agent, holding, now));
    }

    // the offer is made, and accepted at once: the agent's slot is taken, the request leaves its line
    private void take(Router.Offer offer, Instant now) {
        int index = indexOf.get(offer.agent().id());
        Agent agent = byIndex.get(index);
        List<ActiveRequest> holding = new ArrayList<>(agent.activeRequests());
        holding.add(new ActiveRequest(offer.member().id(), now, offer.member().urgency()));
        learn(index, with(agent, holding, now));
        RoutedRequest request = requests.remove(offer.member().id());
        request.offerTo(agent.id(), offer.explanation(), now, now.plusSeconds(120), Duration.ofMinutes(10));
        request.accept(agent.id(), agent.name(), agent.tier(), offer.member().line().language(), 1, now);
        board.saved(request);
    }

    private void arrive(Instant at) {
        String id = "r-" + arrivals++;
        String category = "q" + random.nextInt(queues);
        Urgency urgency = Urgency.values()[random.nextInt(Urgency.values().length)];
        RoutedRequest request = RoutedRequest.queue(
                Requests.submitted(id, category, LANGUAGES[random.nextInt(LANGUAGES.length)], urgency, id, at),
                board.catalog.forCategory(category), new Standing(1, null), board.properties.urgencyHeadStart(),
                board.properties.sla(), at);
        requests.put(id, request);
        board.saved(request);
    }

    private void learn(int index, Agent agent) {
        byIndex.set(index, agent);
        board.agents.learn(agent);
    }

    private static Agent with(Agent agent, List<ActiveRequest> holding, Instant now) {
        return new Agent(agent.id(), agent.name(), agent.skills(), agent.languages(), agent.tier(), agent.team(),
                agent.capacity(), agent.active(), agent.presence(), agent.presenceSince(), holding,
                agent.capacity() - holding.size(), now, agent.hardCaseEndedAt(), agent.revision(), now,
                agent.changes() + 1);
    }
}
