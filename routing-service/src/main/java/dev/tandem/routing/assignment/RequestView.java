package dev.tandem.routing.assignment;

import dev.tandem.contracts.routing.HandoffKind;
import dev.tandem.contracts.intake.Urgency;
import java.time.Instant;
import java.util.List;

/**
 * A request as routing sees it.
 *
 * @param category     the request's category; {@code queue} is the queue that takes it
 * @param offeredTo    the agent it is offered to, while it is offered; otherwise null
 * @param ownerId      the agent who accepted it; null until then
 * @param reason       why the agent it was last offered to was chosen
 * @param declinedBy   the agents who declined it since it last joined its queue; each is not offered it again for
 *                     the decline cool-down
 * @param nextUpdateBy when the owner promised the customer their next update at the latest; null when no promise
 *                     stands
 * @param handoff      the handoff under way, if any: the owner keeps the request until the colleague accepts
 */
record RequestView(String requestId, String reference, RequestStatus status, String category, String queue,
                   String language,
                   Urgency urgency, String offeredTo, String ownerId, String reason, List<String> declinedBy,
                   Instant submittedAt, Instant nextUpdateBy, HandoffStatus handoff) {

    static RequestView of(RoutedRequest request) {
        return new RequestView(request.id(), request.reference(), request.status(), request.category(),
                request.queue(),
                request.language(), request.urgency(), request.offeredTo(), request.ownerId(), request.reason(),
                request.declinedBy(), request.submittedAt(), request.nextUpdateBy(),
                HandoffStatus.of(request.handoff()));
    }

    /**
     * A handoff under way.
     *
     * @param from      the owner handing it over, or who left it
     * @param offeredTo the colleague offered it; null when its owner left and it waits in its queue
     * @param expiresAt when the colleague's offer lapses; null when its owner left
     */
    record HandoffStatus(HandoffKind kind, String from, String offeredTo, Instant expiresAt) {

        static HandoffStatus of(Handoff handoff) {
            return handoff == null ? null
                    : new HandoffStatus(handoff.kind(), handoff.fromAgentId(), handoff.offeredTo(), handoff.expiresAt());
        }
    }
}
