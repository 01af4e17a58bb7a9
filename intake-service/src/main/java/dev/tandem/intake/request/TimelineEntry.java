package dev.tandem.intake.request;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.notification.MessageKind;
import java.time.Instant;

/**
 * One line of the customer-facing timeline: what happened, and the facts its words need. The words are written
 * when the status page is read, in the customer's language and time zone ({@link TimelineTexts}).
 *
 * @param kind    a stable name for front ends
 * @param eventId the event that produced it, so that a redelivered event never adds a second line
 * @param facts   never null; empty on lines stored before lines had facts (their stored English text is not read)
 */
record TimelineEntry(Instant at, Kind kind, String eventId, Facts facts) {

    TimelineEntry {
        facts = facts == null ? Facts.NONE : facts;
    }

    /** What happened; front ends see the name. */
    enum Kind {
        SUBMITTED, QUEUED, ASSIGNED, TRANSFERRED, RELEASED, UPDATE_PROMISED, RESOLVED, NOTIFIED, NOT_DELIVERED,
        CHECK_IN, FEEDBACK, DETAILS_ADDED, WITHDRAWN, REOPENED
    }

    /**
     * What a line's text needs to say; each null where its kind has no use for it.
     *
     * @param agentName  who was assigned, took the request over, went away from it, promised an update or
     *                   resolved it
     * @param agentTier  the tier of who took it over: 1 first line, 2 specialist, 3 senior
     * @param promisedBy when the owner promised the next update at the latest
     * @param note       the owner's note with a promise, in their words, or null
     * @param summary    the owner's summary of the resolution, in their words
     * @param message    which message was sent, or could not be
     * @param channel    by which channel
     */
    record Facts(String reference, String agentName, Integer agentTier, Instant promisedBy, String note,
                 String summary, MessageKind message, Channel channel) {

        static final Facts NONE = new Facts(null, null, null, null, null, null, null, null);

        static Facts reference(String reference) {
            return new Facts(reference, null, null, null, null, null, null, null);
        }

        static Facts agent(String agentName) {
            return new Facts(null, agentName, null, null, null, null, null, null);
        }

        static Facts takeover(String agentName, int agentTier) {
            return new Facts(null, agentName, agentTier, null, null, null, null, null);
        }

        static Facts promise(String agentName, Instant by, String note) {
            return new Facts(null, agentName, null, by, note, null, null, null);
        }

        static Facts resolution(String agentName, String summary) {
            return new Facts(null, agentName, null, null, null, summary, null, null);
        }

        static Facts message(MessageKind message, Channel channel) {
            return new Facts(null, null, null, null, null, null, message, channel);
        }
    }
}
