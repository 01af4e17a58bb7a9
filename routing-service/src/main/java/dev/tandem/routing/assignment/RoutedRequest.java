package dev.tandem.routing.assignment;

import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.NextUpdatePromised;
import dev.tandem.contracts.routing.OfferDeclined;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.platform.outbox.OutboxEntry;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A request on its way to an owner: waiting in the queue of its skill, offered to one agent, owned, resolved.
 * Every step appends its event to the outbox in the same write, and the version makes each step a
 * compare-and-set: of two instances moving the same request, exactly one succeeds. Until it is owned, the
 * request also tells its customer where it stands in its {@link Line}.
 */
@Document("routed_requests")
@CompoundIndex(name = "queue_order", def = "{'status': 1, 'priority': -1, 'submittedAt': 1}")
@CompoundIndex(name = "offers", def = "{'offeredTo': 1, 'status': 1}")
@CompoundIndex(name = "recent_waits", def = "{'queue': 1, 'waitSample.language': 1, 'waitSample.at': -1}")
class RoutedRequest {

    static final String DECLINED = "DECLINED";
    static final String EXPIRED = "EXPIRED";

    @Id
    private String id;
    @Version
    private Long version;
    private String reference;
    private String subject;
    private String queue;
    private String language;
    private Urgency urgency;
    // the urgency as a number, so that the store can sort the queue most urgent first
    private int priority;
    private String correlationId;
    private Instant submittedAt;
    private RequestStatus status;
    private String offeredTo;
    // also when the agent's slot was reserved: with the id it names the reservation to release
    private Instant offeredAt;
    private Instant offerExpiresAt;
    private String ownerId;
    private String ownerName;
    private String reason;
    private List<String> declinedBy = new ArrayList<>();
    private PlaceInLine place;
    private WaitSample waitSample;
    // when the owner promised the customer their next update at the latest; null when no promise stands
    private Instant nextUpdateBy;
    private List<OutboxEntry> outbox = new ArrayList<>();

    RoutedRequest() {
        // for the mapping layer
    }

    /**
     * A submitted request joins the queue of the skill its category names, and says where it stands there.
     *
     * @param standing where it stands in its line, worked out before it joins (see {@link LineMember#arriving})
     */
    static RoutedRequest queue(RequestSubmitted submitted, Standing standing, Instant now) {
        RoutedRequest request = new RoutedRequest();
        request.id = submitted.requestId();
        request.reference = submitted.reference();
        request.subject = submitted.subject();
        request.queue = Line.of(submitted).queue();
        request.language = submitted.language();
        request.urgency = urgencyOf(submitted);
        request.priority = request.urgency.ordinal();
        request.correlationId = submitted.metadata().correlationId();
        request.submittedAt = submitted.metadata().occurredAt();
        request.joinQueue(standing, now);
        return request;
    }

    static Urgency urgencyOf(RequestSubmitted submitted) {
        return submitted.urgency() == null ? Urgency.NORMAL : submitted.urgency();
    }

    /**
     * The customer withdrew the request: it leaves its queue, or its agent's desk, and nobody is offered it again.
     *
     * @return the slot it held, or empty when nothing changed: a resolved or already withdrawn request stays as it is
     */
    Optional<SlotRelease> withdraw() {
        if (isClosed()) {
            return Optional.empty();
        }
        SlotRelease release = releasing();
        status = RequestStatus.WITHDRAWN;
        offeredTo = null;
        offerExpiresAt = null;
        nextUpdateBy = null;
        return Optional.of(release);
    }

    /**
     * The customer reopened the resolved request: it joins its queue again, to be offered afresh; whoever declined
     * it before may be offered it this time.
     *
     * @param standing where it stands in its line on joining it again
     * @return whether it changed; only a resolved request can be reopened
     */
    boolean reopen(Standing standing, Instant now) {
        if (status != RequestStatus.RESOLVED) {
            return false;
        }
        ownerId = null;
        ownerName = null;
        reason = null;
        declinedBy.clear();
        joinQueue(standing, now);
        return true;
    }

    /** Resolved or withdrawn: nothing more happens to it in routing, unless the customer reopens it. */
    boolean isClosed() {
        return status == RequestStatus.RESOLVED || status == RequestStatus.WITHDRAWN;
    }

    private void joinQueue(Standing standing, Instant now) {
        status = RequestStatus.WAITING;
        place = PlaceInLine.joined(standing, now);
        publish(new RequestQueued(metadata(now).withSchemaVersion(RequestQueued.SCHEMA_VERSION), queue, language,
                standing.position(), standing.estimatedWait()));
    }

    /**
     * Tells the customer where the request stands in its line now, if that is news: only while it waits in
     * the queue, only when it differs notably from what was last published, and no sooner than
     * {@code quietPeriod} after that, so that a burst of changes becomes one event. An offered request keeps
     * its standing until it is accepted or back in the queue.
     *
     * @return whether it published the standing; the request is then to be saved
     */
    boolean standIn(Standing current, Instant now, Duration quietPeriod) {
        if (status != RequestStatus.WAITING || !place.isNews(current, now, quietPeriod)) {
            return false;
        }
        place = place.tell(current, now);
        publish(new QueuePositionChanged(metadata(now), queue, language, current.position(),
                current.estimatedWait()));
        return true;
    }

    /** Offers the request to an agent whose slot has been reserved for it at {@code at}. */
    void offerTo(String agentId, String reason, Instant at, Instant expiresAt) {
        require(status == RequestStatus.WAITING, "Request " + id + " is not waiting for an agent");
        require(!wasDeclinedBy(agentId), "Agent " + agentId + " declined request " + id + " before");
        status = RequestStatus.OFFERED;
        offeredTo = agentId;
        offeredAt = at;
        offerExpiresAt = expiresAt;
        this.reason = reason;
        publish(new RequestOffered(metadata(at), agentId, expiresAt));
    }

    /**
     * The agent it is offered to takes it on, while the offer lasts. How long it waited becomes a sample for
     * estimating the waits of its line.
     *
     * @param agentsAvailable how many available agents could serve the request's line now
     */
    void accept(String agentId, String agentName, int agentsAvailable, Instant now) {
        requireOfferedTo(agentId);
        require(now.isBefore(offerExpiresAt), "The offer of request " + id + " to agent " + agentId + " has expired");
        status = RequestStatus.ASSIGNED;
        ownerId = agentId;
        ownerName = agentName;
        offeredTo = null;
        waitSample = place.waited(Line.of(this).language(), agentsAvailable, now);
        publish(new RequestAssigned(metadata(now), agentId, agentName, reason));
    }

    /** The agent it is offered to turns it down; it will not be offered to them again. */
    SlotRelease decline(String agentId, Instant now) {
        requireOfferedTo(agentId);
        SlotRelease release = releasing();
        declinedBy.add(agentId);
        backToQueue(DECLINED, now);
        return release;
    }

    /** Nobody answered the offer in time; the request goes back to its queue. */
    SlotRelease expire(Instant now) {
        require(status == RequestStatus.OFFERED && !now.isBefore(offerExpiresAt),
                "The offer of request " + id + " has not expired");
        SlotRelease release = releasing();
        backToQueue(EXPIRED, now);
        return release;
    }

    /** The owner resolved it. */
    SlotRelease resolve(String agentId, String summary, Instant now) {
        require(status == RequestStatus.ASSIGNED && agentId.equals(ownerId),
                "Only the owner of request " + id + " can resolve it, and only while it is assigned");
        SlotRelease release = releasing();
        status = RequestStatus.RESOLVED;
        nextUpdateBy = null;
        publish(new RequestResolved(metadata(now), agentId, ownerName, summary));
        return release;
    }

    /**
     * The owner promises the customer their next update by a time, which replaces any promise before it; the
     * note, if any, tells the customer what the owner is waiting for or working on.
     */
    void promiseUpdate(String agentId, Instant by, String note, Instant now) {
        require(status == RequestStatus.ASSIGNED && agentId.equals(ownerId),
                "Only the owner of request " + id + " can promise its customer an update, and only while it is "
                        + "assigned");
        nextUpdateBy = by;
        publish(new NextUpdatePromised(metadata(now), agentId, ownerName, by, note));
    }

    /** Whether the agent's slot is reserved for this request by an offer or an assignment. */
    boolean occupiesSlotOf(String agentId) {
        return agentId.equals(slotHolder());
    }

    /** The agent whose slot this request occupies, or null. */
    String slotHolder() {
        return switch (status) {
            case OFFERED -> offeredTo;
            case ASSIGNED -> ownerId;
            case WAITING, RESOLVED, WITHDRAWN -> null;
        };
    }

    // the slot it holds now, which the change about to be made releases
    private SlotRelease releasing() {
        return new SlotRelease(this, slotHolder(), new ActiveRequest(id, offeredAt));
    }

    boolean wasDeclinedBy(String agentId) {
        return declinedBy.contains(agentId);
    }

    private void backToQueue(String why, Instant now) {
        String agentId = offeredTo;
        status = RequestStatus.WAITING;
        offeredTo = null;
        offerExpiresAt = null;
        publish(new OfferDeclined(metadata(now), agentId, why));
    }

    private void requireOfferedTo(String agentId) {
        require(status == RequestStatus.OFFERED && agentId.equals(offeredTo),
                "Request " + id + " is not offered to agent " + agentId);
    }

    private static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new StateConflictException(otherwise);
        }
    }

    private EventMetadata metadata(Instant now) {
        return EventMetadata.of(id, correlationId, now);
    }

    private void publish(RoutingEvent event) {
        outbox.add(OutboxEntry.of(Topics.ROUTING_ASSIGNMENTS, event));
    }

    String id() {
        return id;
    }

    String reference() {
        return reference;
    }

    String subject() {
        return subject;
    }

    String queue() {
        return queue;
    }

    String language() {
        return language;
    }

    Urgency urgency() {
        return urgency;
    }

    String correlationId() {
        return correlationId;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    int priority() {
        return priority;
    }

    RequestStatus status() {
        return status;
    }

    String offeredTo() {
        return offeredTo;
    }

    Instant offeredAt() {
        return offeredAt;
    }

    Instant offerExpiresAt() {
        return offerExpiresAt;
    }

    String ownerId() {
        return ownerId;
    }

    Long version() {
        return version;
    }

    String reason() {
        return reason;
    }

    List<String> declinedBy() {
        return List.copyOf(declinedBy);
    }

    PlaceInLine place() {
        return place;
    }

    WaitSample waitSample() {
        return waitSample;
    }

    Instant nextUpdateBy() {
        return nextUpdateBy;
    }

    List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
