package dev.tandem.intake.request;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;
import java.util.List;

/**
 * A request as its customer's status page shows it.
 *
 * @param owner              who looks after it, once someone has accepted it; otherwise null
 * @param description        the customer's own words, exactly as they were sent
 * @param quietHours         when the customer does not want to be contacted, or null
 * @param accessibilityNotes what the customer asked us to bear in mind, exactly as sent, or null
 * @param timeline           what happened, oldest first
 */
record RequestView(String id, String reference, RequestStatus status, OwnerView owner, String subject,
                   String description, String category, Urgency urgency, String language, Channel preferredChannel,
                   QuietHours quietHours, String accessibilityNotes, Instant submittedAt, Instant updatedAt,
                   List<Step> timeline) {

    static RequestView of(SupportRequest request) {
        return new RequestView(request.id(), request.reference(), request.status(),
                request.owner() == null ? null : new OwnerView(request.owner().name()), request.subject(),
                request.description(), request.category(), request.urgency(), request.language(),
                request.preferredChannel(), request.quietHours(), request.accessibilityNotes(),
                request.submittedAt(), request.updatedAt(),
                request.timeline().stream().map(entry -> new Step(entry.at(), entry.kind(), entry.text())).toList());
    }

    /** The owner as the customer sees them: a name only. */
    record OwnerView(String name) {
    }

    /** One step of the timeline. */
    record Step(Instant at, String kind, String text) {
    }
}
