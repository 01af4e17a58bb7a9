package dev.tandem.routing.assignment;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.HandoffKind;
import dev.tandem.contracts.routing.HandoffOffered;
import dev.tandem.contracts.routing.NextUpdatePromised;
import dev.tandem.contracts.routing.OfferDeclined;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestEscalated;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RequestReleased;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RequestTransferred;
import dev.tandem.contracts.routing.RoutingEvent;
import dev.tandem.contracts.routing.TransferDeclined;
import dev.tandem.platform.outbox.OutboxEntry;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.assignment.HandoffPacket.OwnerSpell;
import dev.tandem.routing.queue.Durations;
import dev.tandem.routing.queue.QueueDefinition;
import dev.tandem.routing.queue.QueueDefinition.StepInForce;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A request on its way to an owner: waiting in the queue of its skill, offered to one agent, owned, resolved.
 * Every step appends its event to the outbox in the same write, and the version makes each step a
 * compare-and-set: of two instances moving the same request, exactly one succeeds. Until it is owned, the
 * request also tells its customer where it stands in its {@link Line}, and moves through its queue's relaxation steps.
 * Its history in routing, with the explanation of every offer, is kept with it (the latest
 * {@value #HISTORY_KEPT} entries).
 * <p>
 * Each time it joins its queue, its time-to-owner clock starts: it escalates at a share of its urgency's target and
 * is recorded as a breach at the target, unless an agent accepts it first; how long it had no owner is kept. An
 * owner can hand it to a colleague with a {@link HandoffPacket}, and stays the owner until the colleague accepts;
 * a request whose owner left goes back to its queue with a packet for whoever takes it on next.
 */
@Document("routed_requests")
@CompoundIndex(name = "queue_order", def = "{'status': 1, 'rank': 1}")
@CompoundIndex(name = "offers", def = "{'offeredTo': 1, 'status': 1}")
@CompoundIndex(name = "recent_waits", def = "{'queue': 1, 'waitSample.language': 1, 'waitSample.at': -1}")
class RoutedRequest {

    static final String DECLINED = "DECLINED";
    static final String EXPIRED = "EXPIRED";
    static final int HISTORY_KEPT = 100;

    @Id
    private String id;
    @Version
    private Long version;
    private String reference;
    private String subject;
    private String category;
    // the name of the queue that takes its category
    private String queue;
    private String language;
    // the customer's own words, what they asked us to bear in mind and how they want to hear from us, for handoffs
    private String description;
    private String accessibilityNotes;
    private Channel preferredChannel;
    private QuietHours quietHours;
    private Urgency urgency;
    private String correlationId;
    private Instant submittedAt;
    // when it joined its queue this time: when it was submitted, or reopened
    private Instant queuedAt;
    // the order it is offered in, earliest first (see Priority)
    private Instant rank;
    // the relaxation step it reached, 0 for the first, and since when; later steps follow by time (see
    // QueueDefinition#stepAt)
    private int step;
    private Instant stepSince;
    private RequestStatus status;
    private String offeredTo;
    // also when the agent's slot was reserved: with the id it names the reservation to release
    private Instant offeredAt;
    private Instant offerExpiresAt;
    // the sweep gave back slots reserved for it before this, which no offer stood behind: none may become one now
    private Instant reclaimedBefore;
    private String ownerId;
    private String ownerName;
    private String reason;
    private List<Decline> declines = new ArrayList<>();
    // on a reopened request: its last owner, offered it first until knownAgentUntil
    private String previousOwnerId;
    private Instant knownAgentUntil;
    private List<RoutingEntry> history = new ArrayList<>();
    private PlaceInLine place;
    private WaitSample waitSample;
    // when the owner promised the customer their next update at the latest; null when no promise stands
    private Instant nextUpdateBy;
    // its time-to-owner clock since it last joined its queue: when the target is due, and the two timers the sweep
    // looks for, each null once it went off or no longer applies
    private Instant slaDueAt;
    @Indexed(sparse = true)
    private Instant escalateAt;
    @Indexed(sparse = true)
    private Instant breachAt;
    private Instant escalatedAt;
    private Instant slaBreachedAt;
    // since when it has had no one working on it, null while it has an owner; how long that lasted until its latest
    // owner accepted it, and in all
    private Instant ownerlessSince;
    private long lastOwnerlessMillis;
    private long ownerlessMillis;
    private List<OwnerSpell> owners = new ArrayList<>();
    private Handoff handoff;
    private List<OutboxEntry> outbox = new ArrayList<>();

    RoutedRequest() {
        // for the mapping layer
    }

    /**
     * A submitted request joins the queue that takes its category, at the queue's first step, and says where it
     * stands there.
     *
     * @param standing  where it stands in its line, worked out before it joins (see {@link LineMember#arriving})
     * @param headStart what each level of urgency is worth in waiting time (see {@link Priority})
     */
    static RoutedRequest queue(RequestSubmitted submitted, QueueDefinition queue, Standing standing,
                               Duration headStart, RoutingProperties.Sla sla, Instant now) {
        RoutedRequest request = new RoutedRequest();
        request.id = submitted.requestId();
        request.reference = submitted.reference();
        request.subject = submitted.subject();
        request.category = Objects.requireNonNull(submitted.category(), "category");
        request.queue = queue.name();
        request.language = submitted.language();
        request.description = submitted.description();
        request.accessibilityNotes = submitted.accessibilityNotes();
        request.preferredChannel = submitted.preferredChannel();
        request.quietHours = submitted.quietHours();
        request.urgency = urgencyOf(submitted);
        request.correlationId = submitted.metadata().correlationId();
        request.submittedAt = submitted.metadata().occurredAt();
        request.joinQueue(request.submittedAt, standing, headStart, sla, now);
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
    Optional<SlotRelease> withdraw(Instant now) {
        if (isClosed()) {
            return Optional.empty();
        }
        SlotRelease release = releasing();
        if (handoff != null && handoff.offeredTo() != null) {
            // the colleague offered the handoff lets go of it too
            List<SlotRelease.Held> held = new ArrayList<>(release.held());
            held.add(new SlotRelease.Held(handoff.offeredTo(), handoffReservation()));
            release = new SlotRelease(this, held);
        }
        record(now, RoutingEntry.Kind.WITHDRAWN, null, "the customer withdrew it");
        endOwnership(now);
        status = RequestStatus.WITHDRAWN;
        offeredTo = null;
        offerExpiresAt = null;
        nextUpdateBy = null;
        handoff = null;
        stopSlaClock();
        return Optional.of(release);
    }

    /**
     * The customer reopened the resolved request: it joins its queue again, at the first step, to be offered afresh;
     * whoever declined it before may be offered it this time. Its last owner knows it best, so it is offered to
     * them first, if they are available within {@code knownAgentWindow}; then to everyone eligible.
     *
     * @param standing where it stands in its line on joining it again
     * @return whether it changed; only a resolved request can be reopened
     */
    boolean reopen(Standing standing, Duration headStart, Duration knownAgentWindow, RoutingProperties.Sla sla,
                   Instant now) {
        if (status != RequestStatus.RESOLVED) {
            return false;
        }
        previousOwnerId = ownerId;
        knownAgentUntil = now.plus(knownAgentWindow);
        ownerId = null;
        ownerName = null;
        reason = null;
        declines.clear();
        record(now, RoutingEntry.Kind.REOPENED, previousOwnerId, "the customer reopened it; offered to its last owner "
                + "first, until " + knownAgentUntil);
        joinQueue(now, standing, headStart, sla, now);
        return true;
    }

    /** Resolved or withdrawn: nothing more happens to it in routing, unless the customer reopens it. */
    boolean isClosed() {
        return status == RequestStatus.RESOLVED || status == RequestStatus.WITHDRAWN;
    }

    private void joinQueue(Instant joined, Standing standing, Duration headStart, RoutingProperties.Sla sla,
                           Instant now) {
        status = RequestStatus.WAITING;
        queuedAt = joined;
        rank = Priority.rank(urgency, joined, headStart);
        step = 0;
        stepSince = joined;
        ownerlessSince = joined;
        startSlaClock(joined, sla);
        place = PlaceInLine.joined(standing, now);
        record(now, RoutingEntry.Kind.QUEUED, null, "joined queue " + queue + " at position " + standing.position());
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

    /**
     * Offers the request to an agent whose slot has been reserved for it at {@code at}, for the reasons the
     * explanation gives.
     *
     * @param declineCoolDown how long a decline keeps the request from its agent
     */
    void offerTo(String agentId, Explanation explanation, Instant at, Instant expiresAt, Duration declineCoolDown) {
        require(status == RequestStatus.WAITING, "Request " + id + " is not waiting for an agent");
        require(!wasDeclinedBy(agentId, at, declineCoolDown), "Agent " + agentId + " declined request " + id
                + " a moment ago");
        require(reclaimedBefore == null || !at.isBefore(reclaimedBefore), "The slot of agent " + agentId
                + " reserved for request " + id + " at " + at + " has been given back");
        status = RequestStatus.OFFERED;
        offeredTo = agentId;
        offeredAt = at;
        offerExpiresAt = expiresAt;
        this.reason = explanation.sentence();
        history(new RoutingEntry(at, RoutingEntry.Kind.OFFERED, agentId, explanation.step(),
                "offered until " + expiresAt, explanation));
        publish(new RequestOffered(metadata(at), agentId, expiresAt));
    }

    /**
     * Moves the waiting request on from the step in force to the next one at once, because every eligible agent
     * declined it.
     *
     * @return whether it moved; at the last step it stays
     */
    boolean relax(QueueDefinition definition, String why, Instant now) {
        if (status != RequestStatus.WAITING) {
            return false;
        }
        StepInForce current = stepInForce(definition, now);
        if (current.index() >= definition.lastStep()) {
            return false;
        }
        StepInForce next = definition.relaxedFrom(current.index(), now);
        step = next.index();
        stepSince = next.since();
        record(now, RoutingEntry.Kind.RELAXED, null, why + "; now at step " + (step + 1) + ": "
                + definition.step(step).describe(definition.skills()));
        return true;
    }

    /** The relaxation step in force at {@code now}. */
    StepInForce stepInForce(QueueDefinition definition, Instant now) {
        return definition.stepAt(step, stepSince, now);
    }

    /**
     * The agent it is offered to takes it on, while the offer lasts. How long it waited becomes a sample for
     * estimating the waits of its line.
     *
     * @param lineLanguage    the language of its line, which the sample is kept for
     * @param agentsAvailable how many available agents could serve the request's line now
     */
    boolean accept(String agentId, String agentName, int agentTier, String lineLanguage, int agentsAvailable,
                   Instant now) {
        requireOfferedTo(agentId);
        require(now.isBefore(offerExpiresAt), "The offer of request " + id + " to agent " + agentId + " has expired");
        boolean breachedNow = gotOwner(now);
        status = RequestStatus.ASSIGNED;
        offeredTo = null;
        knownAgentUntil = null;
        waitSample = place.waited(lineLanguage, agentsAvailable, now);
        if (handoff != null && handoff.kind() == HandoffKind.OWNER_GONE) {
            // its owner left it: the new one takes it over, with the packet
            record(now, RoutingEntry.Kind.TRANSFERRED, agentId, agentName + " took it over from "
                    + handoff.fromAgentName() + ", who had left it");
            publish(new RequestTransferred(metadata(now), HandoffKind.OWNER_GONE, handoff.fromAgentId(),
                    handoff.fromAgentName(), agentId, agentName, agentTier, reason));
            handoff = null;
        } else {
            record(now, RoutingEntry.Kind.ASSIGNED, agentId, agentName + " accepted it");
            publish(new RequestAssigned(metadata(now), agentId, agentName, reason));
        }
        startOwnership(agentId, agentName, now);
        return breachedNow;
    }

    // it has an owner from now: how long it went without one is kept, and its time-to-owner clock stops. Whether its
    // target passed just before, too lately for the sweep to see, and is recorded as a breach now
    private boolean gotOwner(Instant now) {
        boolean breachedNow = breachAt != null && !now.isBefore(breachAt) && breach(now);
        if (ownerlessSince != null) {
            lastOwnerlessMillis = Duration.between(ownerlessSince, now).toMillis();
            ownerlessMillis += lastOwnerlessMillis;
            ownerlessSince = null;
        }
        stopSlaClock();
        return breachedNow;
    }

    private void startOwnership(String agentId, String agentName, Instant now) {
        ownerId = agentId;
        ownerName = agentName;
        owners.add(new OwnerSpell(agentId, agentName, now, null));
        if (owners.size() > HISTORY_KEPT) {
            owners.removeFirst();
        }
    }

    private void endOwnership(Instant now) {
        if (ownerId != null && !owners.isEmpty() && owners.getLast().until() == null) {
            owners.set(owners.size() - 1, owners.getLast().endedAt(now));
        }
    }

    private void startSlaClock(Instant from, RoutingProperties.Sla sla) {
        slaDueAt = from.plus(sla.target(urgency));
        escalateAt = from.plus(sla.escalationPoint(urgency));
        breachAt = slaDueAt;
        escalatedAt = null;
        slaBreachedAt = null;
    }

    private void stopSlaClock() {
        escalateAt = null;
        breachAt = null;
    }

    /**
     * It reached the share of its time-to-owner target at which it escalates, without an owner: it moves on to
     * the step of its queue that takes the next tier, if there is one, and supervisors are told.
     *
     * @param target its urgency's time-to-owner target
     * @return whether it escalated now; only once per time in the queue
     */
    boolean escalate(QueueDefinition definition, Duration target, Instant now) {
        if (escalateAt == null || now.isBefore(escalateAt) || !hasNoOwner()) {
            return false;
        }
        escalateAt = null;
        escalatedAt = now;
        StepInForce current = stepInForce(definition, now);
        definition.escalatedFrom(current.index(), now).ifPresentOrElse(next -> {
            step = next.index();
            stepSince = next.since();
        }, () -> {
            step = current.index();
            stepSince = current.since();
        });
        record(now, RoutingEntry.Kind.ESCALATED, null, "no owner after " + Durations.words(
                Duration.between(slaDueAt.minus(target), now)) + " of its time-to-owner target of "
                + Durations.words(target) + "; now at step " + (step + 1) + ": "
                + definition.step(step).describe(definition.skills()));
        publish(new RequestEscalated(metadata(now), queue, urgency, target, slaDueAt, step + 1));
        return true;
    }

    /**
     * Its time-to-owner target passed without an owner: the breach is recorded, once per time in the queue.
     *
     * @return whether it recorded the breach now
     */
    boolean breach(Instant now) {
        if (breachAt == null || now.isBefore(breachAt) || !hasNoOwner()) {
            return false;
        }
        slaBreachedAt = breachAt;
        breachAt = null;
        record(now, RoutingEntry.Kind.SLA_BREACHED, null, "no owner by its time-to-owner target, due at " + slaDueAt);
        return true;
    }

    private boolean hasNoOwner() {
        return status == RequestStatus.WAITING || status == RequestStatus.OFFERED;
    }

    /**
     * The owner hands it to a colleague, whose slot has been reserved for it at {@code at}: the colleague is offered
     * it with its packet, and the owner keeps it until they accept.
     */
    void offerHandoff(String fromAgentId, HandoffTarget target, HandoffPacket packet, String agentId, int agentTier,
                      String why, Instant at, Instant expiresAt) {
        require(status == RequestStatus.ASSIGNED && fromAgentId.equals(ownerId),
                "Only the owner of request " + id + " can hand it over, and only while it is assigned");
        if (handoff != null) {
            throw new StateConflictException("Request " + id + " is already being handed to " + handoff.offeredTo()
                    + "; that ends when they answer, or at " + handoff.expiresAt());
        }
        require(!agentId.equals(ownerId), "Agent " + agentId + " owns request " + id + " already");
        require(reclaimedBefore == null || !at.isBefore(reclaimedBefore), "The slot of agent " + agentId
                + " reserved for request " + id + " at " + at + " has been given back");
        handoff = new Handoff(target.kind(), ownerId, ownerName, target, packet, at, agentId, agentTier, at,
                expiresAt, why);
        history(new RoutingEntry(at, RoutingEntry.Kind.HANDOFF_OFFERED, agentId, null,
                ownerName + " handed it to " + target.describe() + "; offered until " + expiresAt + ": " + why,
                null));
        publish(new HandoffOffered(metadata(at), target.kind(), ownerId, agentId, agentTier, expiresAt));
    }

    /**
     * The colleague offered the handoff takes it over, while the offer lasts: they are the owner from now, and the
     * one before lets go of it.
     *
     * @return the slot of the owner before
     */
    SlotRelease acceptHandoff(String agentId, String agentName, Instant now) {
        require(isHandedTo(agentId), "Request " + id + " is not being handed to agent " + agentId);
        require(now.isBefore(handoff.expiresAt()), "The handoff of request " + id + " to agent " + agentId
                + " has expired");
        SlotRelease release = releasing();
        Handoff accepted = handoff;
        endOwnership(now);
        handoff = null;
        // the colleague's reservation is the slot it holds from now
        offeredAt = accepted.offeredAt();
        reason = accepted.reason();
        startOwnership(agentId, agentName, now);
        record(now, RoutingEntry.Kind.TRANSFERRED, agentId, agentName + " took it over from "
                + accepted.fromAgentName());
        publish(new RequestTransferred(metadata(now), accepted.kind(), accepted.fromAgentId(),
                accepted.fromAgentName(), agentId, agentName, accepted.offeredToTier(), accepted.reason()));
        return release;
    }

    /** The colleague turns the handoff down: the owner keeps the request, and is told. */
    SlotRelease declineHandoff(String agentId, Instant now) {
        require(isHandedTo(agentId), "Request " + id + " is not being handed to agent " + agentId);
        return endHandoff(DECLINED, "declined the handoff; " + ownerName + " keeps it", now);
    }

    /** The colleague did not answer the handoff in time: the owner keeps the request, and is told. */
    SlotRelease expireHandoff(Instant now) {
        require(handoff != null && handoff.offeredTo() != null && !now.isBefore(handoff.expiresAt()),
                "The handoff of request " + id + " has not expired");
        return endHandoff(EXPIRED, "did not answer the handoff in time; " + ownerName + " keeps it", now);
    }

    private SlotRelease endHandoff(String why, String note, Instant now) {
        Handoff ended = handoff;
        SlotRelease release = new SlotRelease(this, ended.offeredTo(), handoffReservation());
        handoff = null;
        record(now, RoutingEntry.Kind.HANDOFF_DECLINED, ended.offeredTo(), note);
        publish(new TransferDeclined(metadata(now), ended.kind(), ownerId, ended.offeredTo(), why));
        return release;
    }

    /** Whether it is being handed to the agent, who has been offered it by its owner. */
    boolean isHandedTo(String agentId) {
        return handoff != null && handoff.isOfferedTo(agentId);
    }

    private ActiveRequest handoffReservation() {
        return new ActiveRequest(id, handoff.offeredAt(), urgency);
    }

    /**
     * Its owner went offline or away at {@code leftAt} and has not come back within the grace period: it goes
     * back to its queue, at its old place in the serving order, with a handoff packet for whoever takes it on next:
     * anyone eligible, at once, rather than waiting for the owner to come back. It has had no one working on it since
     * they left, and its time-to-owner clock runs from then.
     *
     * @param standing where it stands in its line on joining it again; the customer hears of it with the next
     *                 standings
     * @return the owner's slot, or empty when it is no longer theirs, or is being handed over already
     */
    Optional<SlotRelease> releaseFrom(String agentId, Instant leftAt, Standing standing, RoutingProperties.Sla sla,
                                      Instant now) {
        if (!isReleasableFrom(agentId)) {
            return Optional.empty();
        }
        SlotRelease release = releasing();
        endOwnership(leftAt);
        handoff = Handoff.ownerGone(ownerId, ownerName, packet(subject + ". " + ownerName + " owned it and left it at "
                + leftAt + ", before handing it over", List.of(), List.of()), leftAt);
        previousOwnerId = ownerId;
        knownAgentUntil = null;
        String leaving = ownerName;
        ownerId = null;
        ownerName = null;
        declines.clear();
        status = RequestStatus.WAITING;
        step = 0;
        stepSince = now;
        ownerlessSince = leftAt;
        startSlaClock(leftAt, sla);
        place = new PlaceInLine(now, standing.position(), null, null);
        record(now, RoutingEntry.Kind.RELEASED, previousOwnerId, leaving + " has been away since " + leftAt
                + "; back in queue " + queue + " at position " + standing.position());
        publish(new RequestReleased(metadata(now), previousOwnerId, leaving, leftAt));
        return Optional.of(release);
    }

    /** Whether the agent owns it, with no handoff under way: what {@link #releaseFrom} asks. */
    boolean isReleasableFrom(String agentId) {
        return status == RequestStatus.ASSIGNED && agentId.equals(ownerId) && handoff == null;
    }

    /**
     * The packet for a handoff, as routing knows the request: the customer's words and preferences, the promise
     * standing, and who owned it; with the summary and steps of the owner handing it over, if any.
     */
    HandoffPacket packet(String summary, List<String> stepsTried, List<HandoffPacket.Promise> promised) {
        List<HandoffPacket.Promise> promises = new ArrayList<>(promised == null ? List.of() : promised);
        if (nextUpdateBy != null) {
            promises.add(new HandoffPacket.Promise("the customer's next update", nextUpdateBy));
        }
        return new HandoffPacket(summary, stepsTried, promises, description, language, accessibilityNotes,
                new HandoffPacket.Preferences(preferredChannel, quietHours), owners);
    }


    /** The agent it is offered to turns it down; it will not be offered to them again. */
    SlotRelease decline(String agentId, Instant now) {
        requireOfferedTo(agentId);
        SlotRelease release = releasing();
        declines.add(new Decline(agentId, now));
        if (agentId.equals(previousOwnerId)) {
            knownAgentUntil = null;
        }
        record(now, RoutingEntry.Kind.DECLINED, agentId, "declined it");
        backToQueue(DECLINED, now);
        return release;
    }

    /** Nobody answered the offer in time; the request goes back to its queue. */
    SlotRelease expire(Instant now) {
        require(status == RequestStatus.OFFERED && !now.isBefore(offerExpiresAt),
                "The offer of request " + id + " has not expired");
        SlotRelease release = releasing();
        record(now, RoutingEntry.Kind.EXPIRED, offeredTo, "did not answer the offer in time");
        backToQueue(EXPIRED, now);
        return release;
    }

    /** The owner resolved it. */
    SlotRelease resolve(String agentId, String summary, Instant now) {
        require(status == RequestStatus.ASSIGNED && agentId.equals(ownerId),
                "Only the owner of request " + id + " can resolve it, and only while it is assigned");
        if (handoff != null) {
            throw new StateConflictException("Request " + id + " is being handed to agent " + handoff.offeredTo()
                    + "; it can be resolved once they answer, or at " + handoff.expiresAt());
        }
        SlotRelease release = releasing();
        endOwnership(now);
        status = RequestStatus.RESOLVED;
        nextUpdateBy = null;
        record(now, RoutingEntry.Kind.RESOLVED, agentId, "resolved it");
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

    /**
     * The sweep gives back a slot of the agent reserved for this request before the cutoff, with no offer or
     * assignment behind it: a dispatch that reserved it and never claimed the request. From now on no offer is made
     * on the strength of a reservation from before the cutoff, so that the dispatch, should it only have stalled,
     * cannot claim the request for a slot that is gone.
     *
     * @return false when the request is offered to or owned by the agent after all: the slot is theirs to keep
     */
    boolean reclaim(String agentId, Instant cutoff) {
        if (occupiesSlotOf(agentId)) {
            return false;
        }
        if (reclaimedBefore == null || reclaimedBefore.isBefore(cutoff)) {
            reclaimedBefore = cutoff;
        }
        return true;
    }

    /** Whether the agent's slot is reserved for this request by an offer or an assignment. */
    boolean occupiesSlotOf(String agentId) {
        return agentId.equals(slotHolder()) || isHandedTo(agentId);
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
        return new SlotRelease(this, slotHolder(), new ActiveRequest(id, offeredAt, urgency));
    }

    /** Whether the agent declined it less than {@code coolDown} ago. */
    boolean wasDeclinedBy(String agentId, Instant now, Duration coolDown) {
        return declines.stream().anyMatch(decline -> decline.agentId().equals(agentId)
                && decline.standsAt(now, coolDown));
    }

    private void record(Instant at, RoutingEntry.Kind kind, String agentId, String note) {
        history(RoutingEntry.of(at, kind, agentId, status == RequestStatus.WAITING ? step + 1 : null, note));
    }

    private void history(RoutingEntry entry) {
        history.add(entry);
        if (history.size() > HISTORY_KEPT) {
            history.subList(0, history.size() - HISTORY_KEPT).clear();
        }
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

    String category() {
        return category;
    }

    Instant queuedAt() {
        return queuedAt;
    }

    Instant rank() {
        return rank;
    }

    int step() {
        return step;
    }

    Instant stepSince() {
        return stepSince;
    }

    List<Decline> declines() {
        return List.copyOf(declines);
    }

    String previousOwnerId() {
        return previousOwnerId;
    }

    Instant knownAgentUntil() {
        return knownAgentUntil;
    }

    List<RoutingEntry> history() {
        return List.copyOf(history);
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

    /** The agents who declined it since it last joined its queue. */
    List<String> declinedBy() {
        return declines.stream().map(Decline::agentId).distinct().toList();
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

    String description() {
        return description;
    }

    String ownerName() {
        return ownerName;
    }

    Instant slaDueAt() {
        return slaDueAt;
    }

    Instant escalateAt() {
        return escalateAt;
    }

    Instant escalatedAt() {
        return escalatedAt;
    }

    Instant slaBreachedAt() {
        return slaBreachedAt;
    }

    Instant ownerlessSince() {
        return ownerlessSince;
    }

    /** How long it had no owner before its latest owner accepted it. */
    Duration lastOwnerless() {
        return Duration.ofMillis(lastOwnerlessMillis);
    }

    /** How long it had no owner in all, up to {@code now}. */
    Duration ownerless(Instant now) {
        Duration so = Duration.ofMillis(ownerlessMillis);
        return ownerlessSince == null ? so : so.plus(Duration.between(ownerlessSince, now));
    }

    List<OwnerSpell> owners() {
        return List.copyOf(owners);
    }

    Handoff handoff() {
        return handoff;
    }

    List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
