package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.routing.agent.Agent;
import dev.tandem.routing.agent.AgentPresence;
import dev.tandem.routing.agent.Agents;
import dev.tandem.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Two instances of the service on one database and one consumer group, as when it is scaled out. Every
 * dispatch of both instances runs at once against the same agents and queue; whatever the interleaving, no
 * agent may hold more than its capacity and no request may be offered to two agents.
 */
class TwoInstancesIT {

    private static final int AGENTS = 3;
    private static final int CAPACITY = 2;
    private static final int SLOTS = AGENTS * CAPACITY;
    private static final int REQUESTS = 20;

    private static RoutingInstances instances;
    private static final ExecutorService threads = Executors.newFixedThreadPool(12);

    private final String skill = RoutingDesk.freshSkill("billing");

    @BeforeAll
    static void startTwoInstances() {
        instances = new RoutingInstances(2, "routing-two-instances", Topics.INTAKE_REQUESTS,
                // frequent sweeps, racing with the test's own dispatches and with those that follow from resolving,
                // in both instances at once; a sweep is also how an instance learns what the other changed
                "--tandem.routing.dispatch-interval=200ms",
                // the requests of earlier tests on the topic, queued here too, need not hear their standing
                "--tandem.routing.queue.update-interval=1h");
    }

    @AfterAll
    static void stopInstances() {
        threads.shutdownNow();
        instances.close();
    }

    @Test
    void noAgentEverHoldsMoreThanItsCapacityAndNoRequestIsOfferedToTwoAgents() throws Exception {
        List<String> agentIds = IntStream.range(0, AGENTS)
                .mapToObj(i -> desk(i).registerAgent("Agent " + i, skill, "en", CAPACITY)).toList();
        Set<String> requestIds = new HashSet<>();
        for (int i = 0; i < REQUESTS; i++) {
            requestIds.add(desk(i).submit(skill, "en", Urgency.values()[i % Urgency.values().length]).requestId());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ours(RequestStatus.WAITING).size() == REQUESTS);

        // available in the store rather than through the API, whose answer would dispatch at once: the first
        // dispatches of both instances are to start together, from the same view of free agents, which each learns
        // as its sweep does
        instance(0).getBean(MongoTemplate.class).updateMulti(Query.query(Criteria.where("_id").in(agentIds)),
                new Update().set("presence", AgentPresence.AVAILABLE).set("idleSince", Instant.now())
                        .set("changedAt", Instant.now()), Agent.class);
        instances.all().forEach(instance -> instance.getBean(Agents.class).sync());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> dispatches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Dispatcher dispatcher = instance(i).getBean(Dispatcher.class);
            dispatches.add(threads.submit(() -> {
                start.await();
                dispatcher.dispatch();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> dispatch : dispatches) {
            dispatch.get();
        }

        int resolved = 0;
        while (resolved < REQUESTS) {
            int expected = Math.min(SLOTS, REQUESTS - resolved);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                assertCapacityKeptAndOneAgentPerRequest(agentIds);
                return ours(RequestStatus.OFFERED).size() == expected;
            });
            resolved += acceptAndResolveAllOffersAtOnce();
        }

        assertThat(ours(RequestStatus.RESOLVED)).hasSize(REQUESTS);
        for (String agentId : agentIds) {
            Agent agent = instance(0).getBean(Agents.class).find(agentId).orElseThrow();
            assertThat(agent.activeRequests()).isEmpty();
            assertThat(agent.freeSlots()).isEqualTo(CAPACITY);
        }
        Map<String, List<RoutingEvent>> published = new TopicProbe()
                .readAll(Topics.ROUTING_ASSIGNMENTS, record -> requestIds.contains(record.key())).stream()
                .map(RoutingDesk::decode).collect(Collectors.groupingBy(RoutingEvent::requestId));
        assertThat(published).hasSize(REQUESTS);
        published.forEach((requestId, events) -> {
            assertThat(distinct(events, RequestOffered.class)).as("offers of " + requestId).hasSize(1);
            assertThat(distinct(events, RequestAssigned.class)).as("assignments of " + requestId).hasSize(1);
        });
    }

    /** Every offer is accepted through one instance and resolved through the other, all at the same time. */
    private int acceptAndResolveAllOffersAtOnce() throws Exception {
        List<RoutedRequest> offered = ours(RequestStatus.OFFERED);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> running = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            RoutedRequest request = offered.get(i);
            RoutingDesk accepting = desk(i);
            RoutingDesk resolving = desk(i + 1);
            running.add(threads.submit(() -> {
                start.await();
                int accepted = accepting.accept(request.offeredTo(), request.id()).status();
                return accepted == 200
                        ? resolving.resolve(request.id(), request.offeredTo(), "Done.").status() : accepted;
            }));
        }
        start.countDown();
        for (Future<Integer> status : running) {
            assertThat(status.get()).isEqualTo(200);
        }
        return offered.size();
    }

    private void assertCapacityKeptAndOneAgentPerRequest(List<String> agentIds) {
        // requests first: an offer or assignment read here implies a slot that no dispatch can release meanwhile
        List<RoutedRequest> held = new ArrayList<>(ours(RequestStatus.OFFERED));
        held.addAll(ours(RequestStatus.ASSIGNED));
        Map<String, Long> heldPerAgent = held.stream()
                .collect(Collectors.groupingBy(RoutedRequest::slotHolder, Collectors.counting()));
        Map<String, Agent> agents = agentIds.stream().collect(Collectors.toMap(id -> id,
                id -> instance(0).getBean(Agents.class).find(id).orElseThrow()));

        heldPerAgent.forEach((agentId, count) -> assertThat(count)
                .as("requests offered to or owned by agent " + agentId).isLessThanOrEqualTo(CAPACITY));
        Set<String> reserved = new HashSet<>();
        for (Agent agent : agents.values()) {
            assertThat(agent.activeRequests()).as("slots taken of agent " + agent.id())
                    .hasSizeLessThanOrEqualTo(CAPACITY);
            assertThat(agent.freeSlots()).as("free slots of agent " + agent.id())
                    .isEqualTo(CAPACITY - agent.activeRequests().size());
            for (String requestId : agent.activeRequestIds()) {
                assertThat(reserved.add(requestId)).as("request " + requestId + " reserved by two agents").isTrue();
            }
        }
        for (RoutedRequest request : held) {
            assertThat(agents.get(request.slotHolder()).holds(request.id()))
                    .as("agent " + request.slotHolder() + " holds a slot for " + request.id()).isTrue();
        }
    }

    private List<RoutedRequest> ours(RequestStatus status) {
        return instance(0).getBean(RoutedRequestRepository.class).findAll().stream()
                .filter(request -> request.queue().equals(skill) && request.status() == status).toList();
    }

    private static Set<String> distinct(List<RoutingEvent> events, Class<? extends RoutingEvent> type) {
        return events.stream().filter(type::isInstance).map(RoutingEvent::eventId).collect(Collectors.toSet());
    }

    private static ConfigurableApplicationContext instance(int i) {
        return instances.get(i);
    }

    private static RoutingDesk desk(int i) {
        return instances.desk(i);
    }
}
