package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.ActiveRequest;
import java.util.List;

/**
 * What a change that ends agents' holds on a request released: the slots to be freed once the request is saved.
 * Usually one, the owner's or the offered agent's; two when a request is withdrawn while a handoff of it is offered
 * to a colleague. A request that held no slot releases none.
 */
record SlotRelease(RoutedRequest request, List<Held> held) {

    SlotRelease {
        held = List.copyOf(held);
    }

    /** The slot of one agent, or none when {@code agentId} is null. */
    SlotRelease(RoutedRequest request, String agentId, ActiveRequest reservation) {
        this(request, agentId == null ? List.of() : List.of(new Held(agentId, reservation)));
    }

    boolean freesASlot() {
        return !held.isEmpty();
    }

    /** One agent's slot, reserved by {@code reservation}. */
    record Held(String agentId, ActiveRequest reservation) {
    }
}
