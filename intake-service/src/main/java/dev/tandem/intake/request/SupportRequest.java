package dev.tandem.intake.request;

import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.TandemEvent;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.feedback.CheckInIssued;
import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.feedback.FeedbackReceived;
import dev.tandem.contracts.intake.DetailsAdded;
import dev.tandem.contracts.intake.RequestReopened;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.RequestWithdrawn;
import dev.tandem.contracts.notification.CustomerNotified;
import dev.tandem.contracts.notification.NotificationEvent;
import dev.tandem.contracts.notification.NotificationFailed;
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
import dev.tandem.intake.request.TimelineEntry.Facts;
import dev.tandem.intake.request.TimelineEntry.Kind;
import dev.tandem.platform.outbox.OutboxEntry;
import dev.tandem.platform.web.StateConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A customer's support request and the story the customer sees of it. The other services' events move it
 * along; each becomes at most one line of the timeline (a kind and its facts, put in words when read), however
 * often it is delivered.
 */
@Document("requests")
class SupportRequest {

    @Id
    private String id;
    @Version
    private Long version;
    private String reference;
    private String customerId;
    // unwrapped: its fields lie at the top level of the document, where stored requests have them
    @Unwrapped.Empty
    private Submission submission;
    private RequestStatus status;
    private Owner owner;
    // when routing last put the request in someone's hands or took it out of them; an older word of who has it
    // never undoes a newer one
    private Instant handedOverAt;
    private QueueStanding queue;
    // the owner's promise of the next update, while one stands
    private UpdatePromise nextUpdate;
    private Instant submittedAt;
    private Instant updatedAt;
    private Instant resolvedAt;
    private List<AddedDetail> details = new ArrayList<>();
    private List<TimelineEntry> timeline = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();

    SupportRequest() {
        // for the mapping layer
    }

    static SupportRequest submit(String id, String reference, String customerId, SubmitRequest request,
                                 String correlationId, Instant now) {
        SupportRequest created = new SupportRequest();
        created.id = id;
        created.reference = reference;
        created.customerId = customerId;
        Submission submission = request.toSubmission();
        created.submission = submission;
        created.status = RequestStatus.SUBMITTED;
        created.submittedAt = now;
        RequestSubmitted submitted = new RequestSubmitted(
                EventMetadata.of(id, correlationId, now).withSchemaVersion(RequestSubmitted.SCHEMA_VERSION), reference,
                customerId, submission.customer(), submission.language(), submission.preferredChannel(),
                submission.category(), submission.subject(), submission.description(), submission.urgency(),
                submission.quietHours(), submission.accessibilityNotes());
        created.outbox.add(OutboxEntry.of(Topics.INTAKE_REQUESTS, submitted));
        created.note(submitted, Kind.SUBMITTED, Facts.reference(reference));
        return created;
    }

    /** Whether the customer may still add to it or withdraw it. */
    boolean isOpen() {
        return status != RequestStatus.RESOLVED && status != RequestStatus.WITHDRAWN;
    }

    /** The customer adds to the request in their own words, kept verbatim. */
    void addDetails(String text, String correlationId, Instant now) {
        if (!isOpen()) {
            throw new StateConflictException("Request " + reference + " is " + status.name().toLowerCase(Locale.ROOT)
                    + "; details can be added to open requests only");
        }
        details.add(new AddedDetail(now, text));
        DetailsAdded added = new DetailsAdded(EventMetadata.of(id, correlationId, now), text);
        outbox.add(OutboxEntry.of(Topics.INTAKE_REQUESTS, added));
        note(added, Kind.DETAILS_ADDED, Facts.NONE);
    }

    /** The customer no longer needs help. */
    void withdraw(String reason, String correlationId, Instant now) {
        if (!isOpen()) {
            throw new StateConflictException("Request " + reference + " is already "
                    + status.name().toLowerCase(Locale.ROOT) + "; only open requests can be withdrawn");
        }
        status = RequestStatus.WITHDRAWN;
        queue = null;
        nextUpdate = null;
        RequestWithdrawn withdrawn = new RequestWithdrawn(EventMetadata.of(id, correlationId, now), reason);
        outbox.add(OutboxEntry.of(Topics.INTAKE_REQUESTS, withdrawn));
        note(withdrawn, Kind.WITHDRAWN, Facts.NONE);
    }

    /** The customer reopens a resolved request, within the window after its resolution. */
    void reopen(String reason, Duration window, String correlationId, Instant now) {
        if (status != RequestStatus.RESOLVED) {
            throw new StateConflictException("Request " + reference + " is " + status.name().toLowerCase(Locale.ROOT)
                    + "; only resolved requests can be reopened");
        }
        if (resolvedAt != null && now.isAfter(resolvedAt.plus(window))) {
            throw new StateConflictException("Request " + reference + " was resolved more than " + window.toDays()
                    + " days ago and can no longer be reopened; please submit a new request");
        }
        status = RequestStatus.REOPENED;
        owner = null;
        resolvedAt = null;
        nextUpdate = null;
        RequestReopened reopened = new RequestReopened(EventMetadata.of(id, correlationId, now), reason);
        outbox.add(OutboxEntry.of(Topics.INTAKE_REQUESTS, reopened));
        note(reopened, Kind.REOPENED, Facts.NONE);
    }

    /**
     * Follows routing: queued, owned, handed over to a new owner or back to the queue, the owner's promises of the
     * next update, resolved. Offers and declines, of the request and of its handoffs, and its escalations within its
     * queue are internal and stay off the timeline, and so do moves in the queue: the status shows the latest place
     * in line instead.
     */
    void on(RoutingEvent event) {
        switch (event) {
            case RequestQueued queued -> {
                if (status == RequestStatus.SUBMITTED || status == RequestStatus.REOPENED) {
                    status = RequestStatus.QUEUED;
                }
                if (queued.position() != null) {
                    standInLine(queued, queued.position(), queued.estimatedWait());
                }
                note(queued, Kind.QUEUED, Facts.NONE);
            }
            case QueuePositionChanged moved -> {
                if (standInLine(moved, moved.position(), moved.estimatedWait())) {
                    touch(moved);
                }
            }
            case RequestOffered offered -> touch(offered);
            case OfferDeclined declined -> touch(declined);
            case RequestEscalated escalated -> touch(escalated);
            case HandoffOffered handoff -> touch(handoff);
            case TransferDeclined declined -> touch(declined);
            case RequestAssigned assigned -> {
                handTo(assigned, new Owner(assigned.agentId(), assigned.agentName()));
                note(assigned, Kind.ASSIGNED, Facts.agent(assigned.agentName()));
            }
            case RequestTransferred transferred -> {
                // a handover that reaches intake after the resolution or the withdrawal changes nothing, not even
                // the timeline: it would introduce the customer to someone who will not work on their request
                if (!isOpen()) {
                    return;
                }
                handTo(transferred, new Owner(transferred.agentId(), transferred.agentName()));
                note(transferred, Kind.TRANSFERRED, Facts.takeover(transferred.agentName(), transferred.agentTier()));
            }
            case RequestReleased released -> {
                // only an owner can go away from a request; the promise of the next update stays, as it was made to
                // the customer, and whoever takes the request over keeps it or makes a new one
                if (status != RequestStatus.ASSIGNED) {
                    return;
                }
                handTo(released, null);
                note(released, Kind.RELEASED, Facts.agent(released.agentName()));
            }
            case NextUpdatePromised promised -> {
                // a promise only means something while its maker owns the request: one delivered after the
                // resolution or the withdrawal would tell the customer to wait for an update that will not come
                if (status != RequestStatus.ASSIGNED) {
                    return;
                }
                Instant at = promised.metadata().occurredAt();
                if (nextUpdate == null || !at.isBefore(nextUpdate.at())) {
                    nextUpdate = new UpdatePromise(promised.nextUpdateBy(), promised.note(), at);
                }
                note(promised, Kind.UPDATE_PROMISED,
                        Facts.promise(promised.agentName(), promised.nextUpdateBy(), promised.note()));
            }
            case RequestResolved resolved -> {
                if (status != RequestStatus.WITHDRAWN) {
                    status = RequestStatus.RESOLVED;
                    resolvedAt = resolved.metadata().occurredAt();
                    queue = null;
                    nextUpdate = null;
                }
                note(resolved, Kind.RESOLVED, Facts.resolution(resolved.agentName(), resolved.summary()));
            }
        }
    }

    /** Shows the customer every message we sent them, and every one we could not. */
    void on(NotificationEvent event) {
        switch (event) {
            case CustomerNotified sent -> note(sent, Kind.NOTIFIED, Facts.message(sent.kind(), sent.channel()));
            case NotificationFailed failed ->
                    note(failed, Kind.NOT_DELIVERED, Facts.message(failed.kind(), failed.channel()));
        }
    }

    void on(FeedbackEvent event) {
        switch (event) {
            case CheckInIssued issued -> note(issued, Kind.CHECK_IN, Facts.NONE);
            case FeedbackReceived received -> note(received, Kind.FEEDBACK, Facts.NONE);
        }
    }

    /**
     * Puts the request in the hands of its new owner at once, so that the status page names someone for as long as
     * anyone has it; or, without one, back in its queue. Takes routing's word only while the request is open, and
     * never an older word than the last one it took.
     */
    private void handTo(RoutingEvent event, Owner next) {
        Instant at = event.metadata().occurredAt();
        if (!isOpen() || handedOverAt != null && at.isBefore(handedOverAt)) {
            return;
        }
        status = next == null ? RequestStatus.QUEUED : RequestStatus.ASSIGNED;
        owner = next;
        queue = null;
        handedOverAt = at;
    }

    /**
     * Takes routing's word on the place in line while the request waits: never an older word than the one it
     * has, nor one that comes once the request is owned, nor one from before it last changed hands (a place in
     * line from before its owner went away).
     *
     * @return whether it took it
     */
    private boolean standInLine(RoutingEvent event, int position, Duration estimatedWait) {
        Instant at = event.metadata().occurredAt();
        boolean waiting = status == RequestStatus.SUBMITTED || status == RequestStatus.QUEUED;
        Instant newest = queue != null ? queue.at() : handedOverAt;
        if (!waiting || newest != null && at.isBefore(newest)) {
            return false;
        }
        queue = new QueueStanding(position, estimatedWait, at);
        return true;
    }

    private void note(TandemEvent event, Kind kind, Facts facts) {
        boolean seen = timeline.stream().anyMatch(entry -> entry.eventId().equals(event.eventId()));
        if (!seen) {
            timeline.add(new TimelineEntry(event.metadata().occurredAt(), kind, event.eventId(), facts));
        }
        touch(event);
    }

    private void touch(TandemEvent event) {
        Instant at = event.metadata().occurredAt();
        if (updatedAt == null || at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    String id() {
        return id;
    }

    String customerId() {
        return customerId;
    }

    /** The request as it stands, for the status page and the list of the customer's requests. */
    RequestSnapshot snapshot() {
        return new RequestSnapshot(id, reference, status, owner, submission, details, queue, nextUpdate, submittedAt,
                updatedAt, timeline);
    }

    List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
