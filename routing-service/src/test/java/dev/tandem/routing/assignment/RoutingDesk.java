package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.testsupport.ApiClient;
import dev.tandem.testsupport.RealInfrastructure;
import dev.tandem.testsupport.Tokens;
import dev.tandem.testsupport.TopicProbe;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Drives routing the way its users do: intake's events onto the topic, agents' desktops over HTTP, and what
 * routing published read back from its topic.
 */
final class RoutingDesk {

    private final ApiClient api;
    private final ApiClient supervisor;
    // where intake's events go, and routing reads them from
    private final String intakeTopic;
    private final TopicProbe topics = new TopicProbe();
    // the API as each agent calls it: signing a token costs more than most calls it is sent with
    private final Map<String, ApiClient> agents = new ConcurrentHashMap<>();

    RoutingDesk(ApiClient api) {
        this(api, Topics.INTAKE_REQUESTS);
    }

    /** A desk on routing instances that read intake's events from a topic of their own. */
    RoutingDesk(ApiClient api, String intakeTopic) {
        this.api = api;
        this.supervisor = api.as(Tokens.supervisor());
        this.intakeTopic = intakeTopic;
    }

    /** A skill no other test uses, so that tests sharing a broker and a store never route each other's requests. */
    static String freshSkill(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A supervisor registers the agent; routing makes up its id. */
    String registerAgent(String name, String skill, String language, int capacity) {
        var created = supervisor.post("/api/agents", Map.of("name", name, "skills", List.of(skill),
                "languages", List.of(language), "capacity", capacity));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("/id");
    }

    /** A supervisor registers the agent with a proficiency in the skill. */
    String registerAgent(String name, String skill, int proficiency, String language, int capacity) {
        var created = supervisor.post("/api/agents", Map.of("name", name,
                "skills", List.of(Map.of("name", skill, "proficiency", proficiency)),
                "languages", List.of(language), "capacity", capacity));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("/id");
    }

    /** A supervisor registers the agent with the profile given: name, skills, languages, tier, team, capacity. */
    String registerAgent(Map<String, Object> profile) {
        var created = supervisor.post("/api/agents", profile);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("/id");
    }

    /** The owner hands the request over as themselves: {@code to}, {@code summary} and the rest as the body gives. */
    ApiClient.Response handOver(String requestId, String ownerId, Map<String, Object> body) {
        return asAgent(ownerId).post("/api/requests/" + requestId + "/handoffs", body);
    }

    /** The queue's statistics, as a supervisor's dashboard reads them. */
    ApiClient.Response statistics(String queue) {
        return supervisor.get("/api/queues/" + queue + "/statistics");
    }

    /** How the request went through routing, as a supervisor reads it. */
    ApiClient.Response routing(String requestId) {
        return supervisor.get("/api/requests/" + requestId + "/routing");
    }

    /** The API as the agent with this id calls it from their desktop, with a token minted once per desk. */
    ApiClient asAgent(String agentId) {
        return agents.computeIfAbsent(agentId, id -> api.as(Tokens.agent(id, null)));
    }

    /** The agent says whether they are available. */
    void presence(String agentId, String presence) {
        assertThat(asAgent(agentId).put("/api/agents/" + agentId + "/presence", Map.of("presence", presence))
                .status()).isEqualTo(200);
    }

    /** The agent as a supervisor's console shows it. */
    ApiClient.Response agent(String agentId) {
        return supervisor.get("/api/agents/" + agentId);
    }

    RequestSubmitted submit(String category, String language, Urgency urgency) {
        return submitAll(category, language, List.of(urgency)).getFirst();
    }

    /** Requests as {@link #submit} makes them, one of each urgency given, onto the topic at once and in order. */
    List<RequestSubmitted> submitAll(String category, String language, List<Urgency> urgencies) {
        List<RequestSubmitted> submitted = urgencies.stream().map(urgency -> {
            String id = UUID.randomUUID().toString();
            return Requests.submitted(id, category, language, urgency, "web-" + id.substring(0, 8), Instant.now());
        }).toList();
        topics.sendAll(intakeTopic, submitted.stream()
                .map(event -> Map.entry(event.requestId(), EventCodec.encode(event))).toList());
        return submitted;
    }

    void send(IntakeEvent event) {
        topics.send(intakeTopic, event.requestId(), EventCodec.encode(event));
    }

    ApiClient.Response request(String requestId) {
        return supervisor.get("/api/requests/" + requestId);
    }

    /** Waits until the request is offered, and returns the agent it is offered to. */
    String awaitOffered(String requestId) {
        await().until(() -> "OFFERED".equals(request(requestId).text("/status")));
        return request(requestId).text("/offeredTo");
    }

    /**
     * The agent becomes available and a request of the skill comes in, in English and of normal urgency: waits until
     * it is offered to them, and returns its id.
     */
    String offeredTo(String agentId, String skill) {
        presence(agentId, "AVAILABLE");
        String requestId = submit(skill, "en", Urgency.NORMAL).requestId();
        assertThat(awaitOffered(requestId)).as("whom " + requestId + " is offered to").isEqualTo(agentId);
        return requestId;
    }

    ApiClient.Response accept(String agentId, String requestId) {
        return asAgent(agentId).post("/api/agents/" + agentId + "/offers/" + requestId + "/accept", "");
    }

    ApiClient.Response decline(String agentId, String requestId) {
        return asAgent(agentId).post("/api/agents/" + agentId + "/offers/" + requestId + "/decline", "");
    }

    /** The agent resolves the request as themselves. */
    ApiClient.Response resolve(String requestId, String agentId, String summary) {
        return asAgent(agentId).post("/api/requests/" + requestId + "/resolve", Map.of("summary", summary));
    }

    /** The agent promises the customer of the request their next update by the time, with the note if not null. */
    ApiClient.Response promise(String requestId, String agentId, Object nextUpdateBy, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("nextUpdateBy", String.valueOf(nextUpdateBy));
        if (note != null) {
            body.put("note", note);
        }
        return asAgent(agentId).post("/api/requests/" + requestId + "/promise", body);
    }

    ApiClient.Response offers(String agentId) {
        return asAgent(agentId).get("/api/agents/" + agentId + "/offers");
    }

    /** Waits until routing publishes an event of the type about the request that matches, and returns its record. */
    <E extends RoutingEvent> ConsumerRecord<String, String> awaitPublished(String requestId, Class<E> type,
                                                                           Predicate<E> match) {
        return topics.awaitRecord(Topics.ROUTING_ASSIGNMENTS, record -> requestId.equals(record.key())
                && decode(record) instanceof RoutingEvent event && type.isInstance(event)
                && match.test(type.cast(event)));
    }

    /** Waits until the consumer group has handled every record on intake's topic so far. */
    void awaitIntakeConsumed(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.get().kafkaBootstrapServers()))) {
            await().until(() -> lag(admin, group) == 0);
        }
    }

    private long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(intakeTopic))
                .allTopicNames().get().get(intakeTopic).partitions().stream()
                .collect(Collectors.toMap(partition -> new TopicPartition(intakeTopic,
                        partition.partition()), partition -> OffsetSpec.latest()));
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : admin.listOffsets(ends).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /** Every event routing has published about the request so far. */
    List<RoutingEvent> published(String requestId) {
        return topics.readAll(Topics.ROUTING_ASSIGNMENTS, record -> requestId.equals(record.key())).stream()
                .map(RoutingDesk::decode).toList();
    }

    static RoutingEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(record.value(), RoutingEvent.class).orElseThrow();
    }
}
