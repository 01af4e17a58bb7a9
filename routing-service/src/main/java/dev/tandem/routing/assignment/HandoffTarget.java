package dev.tandem.routing.assignment;

import dev.tandem.contracts.routing.HandoffKind;

/**
 * Whom an owner hands a request to: one named colleague, or anyone of a tier or higher, or anyone of a team. Exactly
 * one is given.
 *
 * @param agentId a named colleague: a transfer
 * @param tier    the least tier of whoever takes it: an escalation
 * @param team    the team whose members may take it: an escalation
 */
record HandoffTarget(String agentId, Integer tier, String team) {

    HandoffKind kind() {
        return agentId != null ? HandoffKind.TRANSFER : HandoffKind.ESCALATION;
    }

    /** In words: "agent ada", "tier 3 or higher", "team billing-seniors". */
    String describe() {
        if (agentId != null) {
            return "agent " + agentId;
        }
        return tier != null ? "tier " + tier + (tier < 3 ? " or higher" : "") : "team " + team;
    }
}
