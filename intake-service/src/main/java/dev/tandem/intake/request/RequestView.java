package dev.tandem.intake.request;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.Urgency;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A request as its customer's status page shows it.
 *
 * @param owner              who looks after it, once someone has accepted it; null before, and while it waits for
 *                           someone to take it over after its owner went away
 * @param description        the customer's own words, exactly as they were sent
 * @param details            what the customer added after submitting, oldest first, exactly as sent
 * @param quietHours         when the customer does not want to be contacted, or null
 * @param accessibilityNotes what the customer asked us to bear in mind, exactly as sent, or null
 * @param queue              while it waits for an owner, its place in line and the likely wait; otherwise null
 * @param nextUpdate         the owner's promise of the next update, while one stands; otherwise null
 * @param timeline           what happened, oldest first
 */
record RequestView(String id, String reference, RequestStatus status, OwnerView owner, String subject,
                   String description, List<AddedDetail> details, String category, Urgency urgency,
                   String language, Channel preferredChannel, QuietHours quietHours, String accessibilityNotes,
                   Instant submittedAt, Instant updatedAt, QueueView queue, NextUpdateView nextUpdate,
                   List<Step> timeline) {

    /** The status page, its timeline in words in the customer's language and time zone. */
    static RequestView of(RequestSnapshot request, TimelineTexts texts) {
        Submission submitted = request.submission();
        Locale locale = TimelineTexts.localeFor(submitted.language());
        ZoneId zone = submitted.timeZone();
        return new RequestView(request.id(), request.reference(), request.status(),
                request.owner() == null ? null : new OwnerView(request.owner().name()), submitted.subject(),
                submitted.description(), request.details(), submitted.category(), submitted.urgency(),
                submitted.language(), submitted.preferredChannel(), submitted.quietHours(),
                submitted.accessibilityNotes(), request.submittedAt(), request.updatedAt(),
                QueueView.of(request.queue()), NextUpdateView.of(request.nextUpdate()),
                request.timeline().stream().map(entry -> new Step(entry.at(), entry.kind().name(),
                        texts.text(entry, locale, zone))).toList());
    }

    /** The owner as the customer sees them: a name only. */
    @Schema(description = "Who looks after the request: null until someone accepts it, and while it waits for a "
            + "colleague to take it over after its owner went away. When it passes to someone new, they are the "
            + "owner at once")
    record OwnerView(String name) {
    }

    /** Where the request stands while it waits for an owner, as routing last said. */
    @Schema(description = "Where the request stands while it waits for an owner; null before routing has queued it "
            + "and once someone owns it")
    record QueueView(
            @Schema(description = "Its place among the requests waiting for the same skill and language, in the "
                    + "order they are served; 1 is next", example = "2", minimum = "1")
            int position,
            @Schema(type = "string", format = "duration", example = "PT12M", description = "How long it will "
                    + "likely wait until someone takes it on, as an ISO 8601 duration in whole minutes, from how "
                    + "long recent requests waited; null when there is no estimate to give (nothing to go by "
                    + "lately, or nobody who could take it at work)")
            Duration estimatedWait) {

        static QueueView of(QueueStanding standing) {
            return standing == null ? null : new QueueView(standing.position(), standing.estimatedWait());
        }
    }

    /** The owner's promise of the next update. */
    @Schema(description = "When the owner promised the customer their next update at the latest, and why; null "
            + "until the owner makes such a promise, and again once the request is resolved, withdrawn or reopened. "
            + "A newer promise replaces the last one. It stands when the request passes to another owner, as it was "
            + "made to the customer. A time in the past is a promise not kept")
    record NextUpdateView(
            @Schema(description = "The customer hears from the owner by then at the latest",
                    example = "2026-11-03T12:00:00Z")
            Instant by,
            @Schema(description = "What the owner is waiting for or working on, in their words; null when they gave "
                    + "none", example = "Your bank has been asked to confirm the second charge.")
            String note) {

        static NextUpdateView of(UpdatePromise promise) {
            return promise == null ? null : new NextUpdateView(promise.by(), promise.note());
        }
    }

    /**
     * One step of the timeline.
     *
     * @param kind a stable name, such as {@code ASSIGNED}: one of {@link TimelineEntry.Kind}
     * @param text what happened, in words for the customer, in their language
     */
    record Step(
            Instant at,
            @Schema(implementation = TimelineEntry.Kind.class, description = "What happened, as a stable name front "
                    + "ends can go by; text says it in words. TRANSFERRED: someone new took the request over, with "
                    + "everything the customer told us. RELEASED: its owner went away, and it waits for a colleague "
                    + "to take it over")
            String kind,
            String text) {
    }
}
