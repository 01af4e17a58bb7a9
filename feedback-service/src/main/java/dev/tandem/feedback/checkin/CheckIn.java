package dev.tandem.feedback.checkin;

import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.feedback.CheckInIssued;
import dev.tandem.contracts.feedback.FeedbackReceived;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.platform.outbox.OutboxEntry;
import dev.tandem.platform.web.StateConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The check-in that follows one resolution: a single question to the customer, answerable once, until it
 * expires. Its events wait in its own {@code outbox} and are written with it.
 */
@Document("check_ins")
class CheckIn {

    static final String QUESTION = "How satisfied are you with how we handled your request?";

    @Id
    private String id;
    @Version
    private Long version;
    private String requestId;
    private String agentId;
    private String agentName;
    private Instant issuedAt;
    private Instant expiresAt;
    private CheckInStatus status;
    private Answer answer;
    private List<OutboxEntry> outbox = new ArrayList<>();

    CheckIn() {
        // for the mapping layer
    }

    /**
     * The id of the check-in that follows a resolution. It is derived from the resolution event's id, so a
     * redelivered or retried resolution finds its check-in already there instead of issuing a second one.
     */
    static String idFor(RequestResolved resolved) {
        return UUID.nameUUIDFromBytes(("check-in:" + resolved.eventId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Issues the check-in for a resolution, with the {@code CheckInIssued} that takes its link to the customer. */
    static CheckIn issue(RequestResolved resolved, CheckInLinks links, Duration validity, Instant now) {
        CheckIn issued = new CheckIn();
        issued.id = idFor(resolved);
        issued.requestId = resolved.requestId();
        issued.agentId = resolved.agentId();
        issued.agentName = resolved.agentName();
        issued.issuedAt = storable(now);
        issued.expiresAt = storable(now.plus(validity));
        issued.status = CheckInStatus.ISSUED;
        issued.outbox.add(OutboxEntry.of(Topics.FEEDBACK_CHECKINS, new CheckInIssued(
                EventMetadata.of(issued.requestId, resolved.metadata().correlationId(), issued.issuedAt), issued.id,
                links.linkTo(issued.id), issued.expiresAt)));
        return issued;
    }

    /**
     * Refuses a check-in whose time is up. A link works until it expires, whatever happened to it before.
     *
     * @throws CheckInExpiredException when {@code now} is at or past {@code expiresAt}
     */
    void ensureOpenAt(Instant now) {
        if (!now.isBefore(expiresAt)) {
            throw new CheckInExpiredException(expiresAt);
        }
    }

    /**
     * Records the customer's answer and the {@code FeedbackReceived} that publishes it.
     *
     * @param comment their own words; blank counts as none
     * @throws CheckInExpiredException when the check-in has expired
     * @throws StateConflictException  when it was answered before
     */
    void answer(int csat, String comment, String correlationId, Instant now) {
        ensureOpenAt(now);
        if (status == CheckInStatus.ANSWERED) {
            throw alreadyAnswered();
        }
        String words = comment == null || comment.isBlank() ? null : comment.strip();
        answer = new Answer(csat, words, storable(now));
        status = CheckInStatus.ANSWERED;
        outbox.add(OutboxEntry.of(Topics.FEEDBACK_CHECKINS, new FeedbackReceived(
                EventMetadata.of(requestId, correlationId, answer.answeredAt()), id, agentId, csat, words)));
    }

    /** The store keeps milliseconds: what we publish and what we later show must be the same instant. */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static StateConflictException alreadyAnswered() {
        return new StateConflictException("This check-in has already been answered");
    }

    String id() {
        return id;
    }

    String requestId() {
        return requestId;
    }

    String agentId() {
        return agentId;
    }

    String agentName() {
        return agentName;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    CheckInStatus status() {
        return status;
    }

    Answer answer() {
        return answer;
    }

    List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
