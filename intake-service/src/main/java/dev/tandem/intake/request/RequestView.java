package dev.tandem.intake.request;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;
import java.util.List;

/**
 * A request as its customer's status page shows it.
 *
 * @param owner    who looks after it, once someone has accepted it; otherwise null
 * @param details  what the customer added after submitting, oldest first, verbatim
 * @param timeline what happened, oldest first
 */
record RequestView(String id, String reference, RequestStatus status, OwnerView owner, String subject,
                   String description, List<AddedDetail> details, String category, Urgency urgency, String language, Channel preferredChannel,
                   Instant submittedAt, Instant updatedAt, List<Step> timeline) {

    static RequestView of(SupportRequest request) {
        return new RequestView(request.id(), request.reference(), request.status(),
                request.owner() == null ? null : new OwnerView(request.owner().name()), request.subject(),
                request.description(), request.details(), request.category(), request.urgency(), request.language(),
                request.preferredChannel(), request.submittedAt(), request.updatedAt(),
                request.timeline().stream().map(entry -> new Step(entry.at(), entry.kind(), entry.text())).toList());
    }

    /** The owner as the customer sees them: a name only. */
    record OwnerView(String name) {
    }

    /** One step of the timeline. */
    record Step(Instant at, String kind, String text) {
    }
}
