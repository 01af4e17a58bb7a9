package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;

import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.OfferDeclined;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.routing.agent.Agent;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.TopicProbe;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Three instances of the service on one database and one consumer group, through a busy stretch of a working day:
 * 200 agents of capacities 1 to 3, and 2,000 requests of every urgency arriving while the agents work. Each agent's
 * desktop reaches whichever instance the load balancer gives it, call by call, and the agent reads their offers,
 * accepts most, declines some, lets others lapse, resolves what they own, goes away and comes back. Every instance
 * dispatches on each of those calls, on each arrival it consumes and on each of its sweeps, all against the same
 * agents and queue.
 * <p>
 * Whatever the interleaving, no agent ever holds more requests than their capacity, no request ever has two owners,
 * and once the agents have worked through the queue every request was resolved by the one agent who accepted it, and
 * every slot is free again. The slots are checked in the store while everything moves, every
 * {@value #CHECK_EVERY} turns and after every round at the end of the day; each request's history is read back from
 * the topic at the end, where all of it is.
 * <p>
 * The seed fixes the agents, the requests and what each desktop decides to do on its turns; which instance answers
 * first is the machine's doing, so a failure names what broke rather than promising to replay it.
 */
class ThreeInstancesIT {

    private static final long SEED = 20261204L;
    private static final int AGENTS = 200;
    private static final int REQUESTS = 2_000;
    private static final int BATCHES = 40;
    // the desktops act at once, each for its share of the agents in turn
    private static final int DESKTOPS = 8;
    // turns of the busy stretch, over all desktops; the requests arrive over its first four fifths
    private static final int TURNS = 4_000;
    private static final int ARRIVAL_EVERY = TURNS * 4 / 5 / BATCHES;
    private static final int CHECK_EVERY = 250;

    private static RoutingInstances instances;
    private static final ExecutorService threads = Executors.newFixedThreadPool(DESKTOPS);

    private final String skill = RoutingDesk.freshSkill("billing");
    private final List<Desktop> desktops = new ArrayList<>();
    private final Set<String> submitted = ConcurrentHashMap.newKeySet();
    // what the desktops were told: who accepted each request, and who resolved it
    private final Map<String, String> acceptedBy = new ConcurrentHashMap<>();
    private final Map<String, String> resolvedBy = new ConcurrentHashMap<>();

    @BeforeAll
    static void startThreeInstances() {
        // intake's events on a topic of their own: every other routing context of the test JVM would queue the
        // 2,000 requests too, in a consumer group and store of its own, and publish their standing
        instances = new RoutingInstances(3, "routing-three-instances", Topics.INTAKE_REQUESTS + ".three-instances",
                // sweeps twice a second in each instance, racing with the dispatches that follow every call and
                // arrival; a sweep is also how an instance learns what the others changed
                "--tandem.routing.dispatch-interval=500ms",
                // offers the agents leave unanswered, or hold while away, lapse within the run and go to others
                "--tandem.routing.offer-timeout=10s",
                // a CRITICAL request may follow another at once: with the cool-down of minutes, the run's CRITICAL
                // requests would outnumber what 200 agents may take on in minutes
                "--tandem.routing.wellbeing.hard-case-cool-down=0s",
                // the waiting requests need not hear their standing: told it every second, two thousand of them
                // would fill the topic
                "--tandem.routing.queue.update-interval=1h",
                // waits are estimated from the last seconds' acceptances only: the stand-in store sorts every sample
                // in the window on each estimate, where MongoDB reads the latest few from an index
                "--tandem.routing.queue.sample-window=10s");
    }

    @AfterAll
    static void stopInstances() {
        threads.shutdownNow();
        instances.close();
    }

    @Test
    void underChurnNoAgentHoldsMoreThanItsCapacityAndEveryRequestEndsWithExactlyOneOwner() throws Exception {
        Random seeded = new Random(SEED);
        List<Integer> capacities = IntStream.range(0, AGENTS).mapToObj(i -> 1 + seeded.nextInt(3)).toList();
        List<Urgency> urgencies = IntStream.range(0, REQUESTS)
                .mapToObj(i -> Urgency.values()[seeded.nextInt(Urgency.values().length)]).toList();
        for (int d = 0; d < DESKTOPS; d++) {
            desktops.add(new Desktop(new Random(SEED + d + 1)));
        }
        onEveryDesktop(desktop -> {
            for (int i = desktops.indexOf(desktop); i < AGENTS; i += DESKTOPS) {
                desktop.agents.add(new SimulatedAgent(
                        instances.desk(i).registerAgent("Agent " + i, skill, "en", capacities.get(i))));
            }
            desktop.agents.forEach(agent -> desktop.desk().presence(agent.id, "AVAILABLE"));
        });

        AtomicInteger turns = new AtomicInteger();
        onEveryDesktop(desktop -> {
            for (int turn = turns.getAndIncrement(); turn < TURNS; turn = turns.getAndIncrement()) {
                if (turn % ARRIVAL_EVERY == 0 && turn / ARRIVAL_EVERY < BATCHES) {
                    int first = turn / ARRIVAL_EVERY * (REQUESTS / BATCHES);
                    instances.desk(turn).submitAll(skill, "en", urgencies.subList(first, first + REQUESTS / BATCHES))
                            .forEach(request -> submitted.add(request.requestId()));
                }
                if (turn % CHECK_EVERY == 0) {
                    assertSlotsKept();
                }
                desktop.takeATurn();
            }
        });
        assertThat(submitted).hasSize(REQUESTS);

        // the end of the day: everyone is back and works through what is left, taking on every offer
        onEveryDesktop(Desktop::comeBack);
        await("every request resolved").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    onEveryDesktop(Desktop::workThroughOffers);
                    assertSlotsKept();
                    return unresolved();
                }, empty());

        assertThat(resolvedBy).hasSize(REQUESTS);
        assertThat(acceptedBy).isEqualTo(resolvedBy);
        Map<String, RoutedRequest> stored = ours().stream()
                .collect(Collectors.toMap(RoutedRequest::id, Function.identity()));
        assertThat(stored.keySet()).isEqualTo(submitted);
        stored.values().forEach(request -> {
            assertThat(request.status()).as("status of " + request.id()).isEqualTo(RequestStatus.RESOLVED);
            assertThat(request.ownerId()).as("owner of " + request.id()).isEqualTo(resolvedBy.get(request.id()));
        });
        // a dispatch from a picture a moment old may still reserve a slot and give it straight back
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(agentsInStore().values())
                .allSatisfy(agent -> {
                    assertThat(agent.activeRequests()).as("slots taken of agent " + agent.id()).isEmpty();
                    assertThat(agent.freeSlots()).as("free slots of agent " + agent.id()).isEqualTo(agent.capacity());
                }));
        assertEveryRequestHadOneOwnerAtATimeOnTheTopic();
    }

    /**
     * Reads the slots from the store while everything moves: the requests held first, then the agents, then those
     * requests again. Each agent document is read in one piece, so it shows at most its capacity taken and free slots
     * that agree. A request offered to or owned by an agent holds that agent's slot for as long as it stays as it was
     * read; so a request unchanged since the first read that the agent holds no slot for, or more unchanged requests
     * on one agent than their capacity, were so at one and the same moment. Whose a request is, only the request says:
     * for a moment two agents may both hold a slot for it, the one who declined it until their slot is freed, and the
     * one it is offered to next.
     */
    private void assertSlotsKept() {
        List<RoutedRequest> held = mongo().find(Query.query(Criteria.where("queue").is(skill)
                .and("status").in(RequestStatus.OFFERED, RequestStatus.ASSIGNED)), RoutedRequest.class);
        Map<String, Agent> agents = agentsInStore();
        for (Agent agent : agents.values()) {
            assertThat(agent.activeRequests()).as("slots taken of agent " + agent.id())
                    .hasSizeLessThanOrEqualTo(agent.capacity());
            assertThat(agent.freeSlots()).as("free slots of agent " + agent.id())
                    .isEqualTo(agent.capacity() - agent.activeRequests().size());
        }
        List<RoutedRequest> unbacked = held.stream()
                .filter(request -> !holdsTheSlotOf(agents.get(request.slotHolder()), request)).toList();
        assertThat(unchangedOf(unbacked)).as("requests offered to or owned by an agent who holds no slot for them")
                .isEmpty();
        held.stream().collect(Collectors.groupingBy(RoutedRequest::slotHolder)).forEach((agentId, holding) -> {
            int capacity = agents.get(agentId).capacity();
            if (holding.size() > capacity) {
                assertThat(unchangedOf(holding)).as("requests offered to or owned by agent " + agentId + " at once")
                        .hasSizeLessThanOrEqualTo(capacity);
            }
        });
    }

    private static boolean holdsTheSlotOf(Agent agent, RoutedRequest request) {
        return agent != null && agent.activeRequests().stream().anyMatch(reservation ->
                reservation.requestId().equals(request.id()) && reservation.since().equals(request.offeredAt()));
    }

    // those of the requests the store still has as they were read, each said with whom it is and how
    private List<String> unchangedOf(List<RoutedRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Query again = Query.query(Criteria.where("_id").in(requests.stream().map(RoutedRequest::id).toList()));
        again.fields().include("version");
        Map<String, Long> versions = mongo().find(again, RoutedRequest.class).stream()
                .collect(Collectors.toMap(RoutedRequest::id, RoutedRequest::version));
        return requests.stream().filter(request -> request.version().equals(versions.get(request.id())))
                .map(request -> request.id() + " " + request.status() + " to " + request.slotHolder() + " since "
                        + request.offeredAt())
                .toList();
    }

    /**
     * Each request's events in the order routing published them, with a copy that a relay published again left out:
     * queued, then offered to one agent at a time, each offer declined, lapsed or accepted, and one acceptance, by the
     * agent it was offered to, resolved by that agent. An acceptance while another stood, or a second one, would be
     * two owners.
     */
    private void assertEveryRequestHadOneOwnerAtATimeOnTheTopic() {
        // an event is published once the store has it, and taken out of the request's outbox after
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo().count(Query.query(Criteria.where("queue").is(skill)
                .and("outbox.0").exists(true)), RoutedRequest.class) == 0);
        Map<String, List<RoutingEvent>> published = new TopicProbe()
                .readAll(Topics.ROUTING_ASSIGNMENTS, record -> record.key() != null && submitted.contains(record.key()))
                .stream()
                .map(RoutingDesk::decode)
                .collect(Collectors.groupingBy(RoutingEvent::requestId, LinkedHashMap::new, Collectors.toList()));
        assertThat(published.keySet()).isEqualTo(submitted);
        published.forEach((requestId, events) -> {
            Set<String> seen = new HashSet<>();
            List<RoutingEvent> once = events.stream().filter(event -> seen.add(event.eventId())).toList();
            assertOneOwnerAtATime(requestId, once);
        });
    }

    private void assertOneOwnerAtATime(String requestId, List<RoutingEvent> events) {
        String history = "request " + requestId + ": " + events.stream()
                .map(event -> event.getClass().getSimpleName()).toList();
        String offeredTo = null;
        String owner = null;
        int assigned = 0;
        int resolved = 0;
        for (RoutingEvent event : events) {
            switch (event) {
                case RequestQueued queued -> assertThat(assigned).as(history).isZero();
                case QueuePositionChanged moved -> assertThat(owner).as(history).isNull();
                case RequestOffered offered -> {
                    assertThat(offeredTo).as("offered while offered, " + history).isNull();
                    assertThat(owner).as("offered while owned, " + history).isNull();
                    offeredTo = offered.agentId();
                }
                case OfferDeclined declined -> {
                    assertThat(declined.agentId()).as("declined by whom it was offered to, " + history)
                            .isEqualTo(offeredTo);
                    offeredTo = null;
                }
                case RequestAssigned accepted -> {
                    assertThat(owner).as("assigned while owned, " + history).isNull();
                    assertThat(accepted.agentId()).as("assigned to whom it was offered to, " + history)
                            .isEqualTo(offeredTo);
                    owner = accepted.agentId();
                    offeredTo = null;
                    assigned++;
                }
                case RequestResolved done -> {
                    assertThat(done.agentId()).as("resolved by its owner, " + history).isEqualTo(owner);
                    owner = null;
                    resolved++;
                }
                default -> fail("unexpected " + event + ", " + history);
            }
        }
        assertThat(assigned).as("acceptances, " + history).isEqualTo(1);
        assertThat(resolved).as("resolutions, " + history).isEqualTo(1);
        assertThat(events.getLast()).as(history).isInstanceOfSatisfying(RequestResolved.class,
                done -> assertThat(done.agentId()).isEqualTo(resolvedBy.get(requestId)));
    }

    // the submitted requests not yet resolved in the store, the first few said with whom they are
    private List<String> unresolved() {
        Query done = Query.query(Criteria.where("queue").is(skill).and("status").is(RequestStatus.RESOLVED));
        done.fields().include("_id");
        Set<String> left = new HashSet<>(submitted);
        mongo().find(done, RoutedRequest.class).forEach(request -> left.remove(request.id()));
        if (left.isEmpty()) {
            return List.of();
        }
        List<String> said = mongo().find(Query.query(Criteria.where("_id").in(left)).limit(10), RoutedRequest.class)
                .stream().map(request -> request.id() + " " + request.status() + " offered to "
                        + request.offeredTo() + " owned by " + request.ownerId()).collect(Collectors.toList());
        said.add(left.size() + " in all");
        return said;
    }

    private List<RoutedRequest> ours() {
        return mongo().find(Query.query(Criteria.where("queue").is(skill)), RoutedRequest.class);
    }

    private Map<String, Agent> agentsInStore() {
        List<String> ids = desktops.stream().flatMap(desktop -> desktop.agents.stream()).map(agent -> agent.id)
                .toList();
        return mongo().find(Query.query(Criteria.where("_id").in(ids)), Agent.class).stream()
                .collect(Collectors.toMap(Agent::id, Function.identity()));
    }

    private static MongoTemplate mongo() {
        return instances.bean(0, MongoTemplate.class);
    }

    // every desktop at once, each on a thread of its own; the first failure fails the test
    private void onEveryDesktop(Consumer<Desktop> work) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (Desktop desktop : desktops) {
            running.add(threads.submit((Callable<Void>) () -> {
                work.accept(desktop);
                return null;
            }));
        }
        for (Future<?> done : running) {
            try {
                done.get();
            } catch (ExecutionException failed) {
                running.forEach(other -> other.cancel(true));
                if (failed.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw (Error) failed.getCause();
            }
        }
    }

    /** An agent as their desktop knows them: whether they are away, and what they own, oldest first. */
    private static final class SimulatedAgent {

        final String id;
        final Deque<String> owned = new ArrayDeque<>();
        boolean away;

        SimulatedAgent(String id) {
            this.id = id;
        }
    }

    /** The desktops of a share of the agents, one agent's turn at a time, each call to an instance at random. */
    private final class Desktop {

        final Random random;
        final List<SimulatedAgent> agents = new ArrayList<>();

        Desktop(Random random) {
            this.random = random;
        }

        RoutingDesk desk() {
            return instances.desk(random.nextInt(instances.size()));
        }

        /** One of the agents does one thing, as people at work do. */
        void takeATurn() {
            SimulatedAgent agent = agents.get(random.nextInt(agents.size()));
            int roll = random.nextInt(100);
            if (agent.away) {
                if (roll < 25) {
                    desk().presence(agent.id, "AVAILABLE");
                    agent.away = false;
                } else if (!agent.owned.isEmpty()) {
                    // what they hold, they may finish while away
                    resolve(agent, agent.owned.peekFirst());
                }
            } else if (roll < 4) {
                desk().presence(agent.id, "AWAY");
                agent.away = true;
            } else if (roll < 40 && !agent.owned.isEmpty()) {
                resolve(agent, agent.owned.peekFirst());
            } else {
                for (String requestId : offers(agent)) {
                    int choice = random.nextInt(100);
                    if (choice < 70) {
                        accept(agent, requestId);
                    } else if (choice < 85) {
                        // 409 when it lapsed first
                        assertThat(desk().decline(agent.id, requestId).status()).as("decline of " + requestId)
                                .isIn(200, 409);
                    }
                    // otherwise the offer is left to lapse
                }
            }
        }

        void comeBack() {
            agents.stream().filter(agent -> agent.away).forEach(agent -> {
                desk().presence(agent.id, "AVAILABLE");
                agent.away = false;
            });
        }

        /** Every agent takes on every offer they have and resolves everything they own. */
        void workThroughOffers() {
            for (SimulatedAgent agent : agents) {
                offers(agent).forEach(requestId -> accept(agent, requestId));
                while (!agent.owned.isEmpty()) {
                    resolve(agent, agent.owned.peekFirst());
                }
            }
        }

        private List<String> offers(SimulatedAgent agent) {
            ApiClient.Response offers = desk().offers(agent.id);
            assertThat(offers.status()).as("offers of " + agent.id).isEqualTo(200);
            return offers.body().valueStream().map(offer -> offer.get("requestId").asString()).toList();
        }

        private void accept(SimulatedAgent agent, String requestId) {
            int status = desk().accept(agent.id, requestId).status();
            // 409 when it lapsed first
            assertThat(status).as("acceptance of " + requestId + " by " + agent.id).isIn(200, 409);
            if (status == 200) {
                assertThat(acceptedBy.putIfAbsent(requestId, agent.id))
                        .as("who had accepted " + requestId + " before " + agent.id).isNull();
                agent.owned.addLast(requestId);
            }
        }

        private void resolve(SimulatedAgent agent, String requestId) {
            ApiClient.Response resolved = desk().resolve(requestId, agent.id, "Done.");
            assertThat(resolved.status()).as("resolution of " + requestId + " by its owner " + agent.id + ": "
                    + resolved.body()).isEqualTo(200);
            assertThat(resolvedBy.putIfAbsent(requestId, agent.id)).as("who had resolved " + requestId).isNull();
            agent.owned.remove(requestId);
        }
    }
}
