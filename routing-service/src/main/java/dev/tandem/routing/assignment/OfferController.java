package dev.tandem.routing.assignment;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An agent's offers, for the agent's desktop: list them, accept or decline each. */
@RestController
@RequestMapping("/api/agents/{agentId}/offers")
class OfferController {

    private final Assignments assignments;

    OfferController(Assignments assignments) {
        this.assignments = assignments;
    }

    /**
     * The offers the agent can still accept, oldest first: requests from the queue, then requests colleagues hand
     * them, each with its handoff packet.
     */
    @GetMapping
    List<OfferView> pending(@PathVariable String agentId) {
        return assignments.pendingOffers(agentId).stream().map(request -> OfferView.of(request, agentId)).toList();
    }

    /**
     * The agent becomes the request's owner; 409 if the offer is not theirs or has expired. For a handoff, the owner
     * before lets go of it at the same moment.
     */
    @PostMapping("/{requestId}/accept")
    RequestView accept(@PathVariable String agentId, @PathVariable String requestId) {
        return RequestView.of(assignments.accept(agentId, requestId));
    }

    /**
     * The request goes to the next suitable agent, never back to this one; 409 if the offer is not theirs. A declined
     * handoff stays with its owner, who is told ({@code TransferDeclined}).
     */
    @PostMapping("/{requestId}/decline")
    RequestView decline(@PathVariable String agentId, @PathVariable String requestId) {
        return RequestView.of(assignments.decline(agentId, requestId));
    }
}
