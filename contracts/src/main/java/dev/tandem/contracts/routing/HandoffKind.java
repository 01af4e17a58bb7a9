package dev.tandem.contracts.routing;

/** Why a request passes from one owner to another. */
public enum HandoffKind {
    /** Its owner handed it to a named colleague. */
    TRANSFER,
    /** Its owner escalated it to a higher tier, or to another team. */
    ESCALATION,
    /** Its owner went offline or away with it in hand, and did not come back within the grace period. */
    OWNER_GONE
}
