package dev.tandem.routing.assignment;

import dev.tandem.routing.agent.ActiveRequest;

/**
 * What a change that ends an agent's hold on a request released: the slot of {@code agentId} reserved by
 * {@code reservation}, to be freed once the request is saved. A request that held no slot releases none.
 *
 * @param agentId null when the request held no agent's slot
 */
record SlotRelease(RoutedRequest request, String agentId, ActiveRequest reservation) {

    boolean freesASlot() {
        return agentId != null;
    }
}
