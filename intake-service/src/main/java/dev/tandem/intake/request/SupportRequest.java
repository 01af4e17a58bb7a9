package dev.tandem.intake.request;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.TandemEvent;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.feedback.CheckInIssued;
import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.feedback.FeedbackReceived;
import dev.tandem.contracts.intake.Customer;
import dev.tandem.contracts.intake.DetailsAdded;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.RequestReopened;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.RequestWithdrawn;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.notification.CustomerNotified;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.contracts.notification.NotificationEvent;
import dev.tandem.contracts.notification.NotificationFailed;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer's support request and the story the customer sees of it. The other services' events move it
 * along; each becomes at most one line of the timeline, however often it is delivered.
 */
@Document("requests")
class SupportRequest {

    private static final DateTimeFormatter PROMISE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    @Id
    private String id;
    @Version
    private Long version;
    private String reference;
    private String customerId;
    private Customer customer;
    private String language;
    private Channel preferredChannel;
    private String category;
    private String subject;
    private String description;
    private Urgency urgency;
    private QuietHours quietHours;
    private String accessibilityNotes;
    private RequestStatus status;
    private Owner owner;
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
        created.customer = new Customer(request.customer().name(), request.customer().email(),
                request.customer().phone());
        created.language = request.language();
        created.preferredChannel = request.preferredChannel();
        created.category = request.category();
        created.subject = request.subject();
        created.description = request.description();
        created.urgency = request.urgencyOrDefault();
        created.quietHours = request.quietHours() == null ? null : request.quietHours().toQuietHours();
        created.accessibilityNotes = request.accessibilityNotes();
        created.status = RequestStatus.SUBMITTED;
        created.submittedAt = now;
        RequestSubmitted submitted = new RequestSubmitted(
                EventMetadata.of(id, correlationId, now).withSchemaVersion(RequestSubmitted.SCHEMA_VERSION), reference,
                customerId, created.customer, created.language, created.preferredChannel, created.category, created.subject,
                created.description, created.urgency, created.quietHours, created.accessibilityNotes);
        created.outbox.add(OutboxEntry.of(Topics.INTAKE_REQUESTS, submitted));
        created.note(submitted, "SUBMITTED", "We received your request " + reference + ".");
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
        note(added, "DETAILS_ADDED", "You added details to your request.");
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
        note(withdrawn, "WITHDRAWN", "You withdrew your request.");
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
        note(reopened, "REOPENED", "You reopened your request.");
    }

    /**
     * Follows routing: queued, owned, the owner's promises of the next update, resolved. Offers and declines are
     * internal and stay off the timeline, and so do moves in the queue: the status shows the latest place in line
     * instead.
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
                note(queued, "QUEUED", "Your request is waiting for the next available specialist.");
            }
            case QueuePositionChanged moved -> {
                if (standInLine(moved, moved.position(), moved.estimatedWait())) {
                    touch(moved);
                }
            }
            case RequestOffered offered -> touch(offered);
            case OfferDeclined declined -> touch(declined);
            case RequestAssigned assigned -> {
                if (isOpen()) {
                    status = RequestStatus.ASSIGNED;
                    owner = new Owner(assigned.agentId(), assigned.agentName());
                }
                queue = null;
                note(assigned, "ASSIGNED", assigned.agentName() + " is now looking after your request.");
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
                note(promised, "UPDATE_PROMISED", promised.agentName() + " will give you an update by "
                        + customersTime(promised.nextUpdateBy())
                        + (promised.note() == null ? "." : ": " + promised.note()));
            }
            case RequestResolved resolved -> {
                if (status != RequestStatus.WITHDRAWN) {
                    status = RequestStatus.RESOLVED;
                    resolvedAt = resolved.metadata().occurredAt();
                    queue = null;
                    nextUpdate = null;
                }
                note(resolved, "RESOLVED", resolved.agentName() + " resolved your request: " + resolved.summary());
            }
        }
    }

    /** Shows the customer every message we sent them, and every one we could not. */
    void on(NotificationEvent event) {
        switch (event) {
            case CustomerNotified sent -> note(sent, "NOTIFIED",
                    "We sent you " + describe(sent.kind()) + " by " + channelName(sent.channel()) + ".");
            case NotificationFailed failed -> note(failed, "NOT_DELIVERED",
                    "We could not send you " + describe(failed.kind()) + " by " + channelName(failed.channel()) + ".");
        }
    }

    void on(FeedbackEvent event) {
        switch (event) {
            case CheckInIssued issued -> note(issued, "CHECK_IN", "We asked how we did.");
            case FeedbackReceived received -> note(received, "FEEDBACK", "Thank you for your feedback.");
        }
    }

    /**
     * Takes routing's word on the place in line while the request waits: never an older word than the one it
     * has, nor one that comes once the request is owned.
     *
     * @return whether it took it
     */
    private boolean standInLine(RoutingEvent event, int position, Duration estimatedWait) {
        Instant at = event.metadata().occurredAt();
        boolean waiting = status == RequestStatus.SUBMITTED || status == RequestStatus.QUEUED;
        if (!waiting || queue != null && at.isBefore(queue.at())) {
            return false;
        }
        queue = new QueueStanding(position, estimatedWait, at);
        return true;
    }

    private void note(TandemEvent event, String kind, String text) {
        boolean seen = timeline.stream().anyMatch(entry -> entry.eventId().equals(event.eventId()));
        if (!seen) {
            timeline.add(new TimelineEntry(event.metadata().occurredAt(), kind, text, event.eventId()));
        }
        touch(event);
    }

    private void touch(TandemEvent event) {
        Instant at = event.metadata().occurredAt();
        if (updatedAt == null || at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    // in the customer's time zone where their quiet hours name one, otherwise in UTC
    private String customersTime(Instant instant) {
        ZoneId zone = quietHours != null && quietHours.timeZone() != null ? quietHours.timeZone() : ZoneOffset.UTC;
        return PROMISE_TIME.format(instant.atZone(zone)) + " " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
    }

    private static String describe(MessageKind kind) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> "a confirmation with your reference";
            case OWNER_ASSIGNED -> "the name of the person looking after your request";
            case RESOLVED -> "the resolution";
            case CHECK_IN -> "a short check-in";
        };
    }

    private static String channelName(Channel channel) {
        return channel.name().equals("SMS") ? "SMS" : channel.name().toLowerCase(Locale.ROOT);
    }

    String id() {
        return id;
    }

    String reference() {
        return reference;
    }

    UpdatePromise nextUpdate() {
        return nextUpdate;
    }

    String customerId() {
        return customerId;
    }

    List<AddedDetail> details() {
        return List.copyOf(details);
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    Customer customer() {
        return customer;
    }

    String language() {
        return language;
    }

    Channel preferredChannel() {
        return preferredChannel;
    }

    String category() {
        return category;
    }

    String subject() {
        return subject;
    }

    String description() {
        return description;
    }

    Urgency urgency() {
        return urgency;
    }

    QuietHours quietHours() {
        return quietHours;
    }

    String accessibilityNotes() {
        return accessibilityNotes;
    }

    RequestStatus status() {
        return status;
    }

    Owner owner() {
        return owner;
    }

    QueueStanding queue() {
        return queue;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
