package dev.tandem.routing.assignment;

/** Where a request stands in routing. */
enum RequestStatus {
    /** In its queue, waiting for a suitable agent with a free slot. */
    WAITING,
    /** Offered to one agent, whose slot is reserved for it until they accept or decline, or the offer expires. */
    OFFERED,
    /** Accepted: the agent owns it. */
    ASSIGNED,
    /** The owner resolved it; the customer may reopen it, and then it waits again. */
    RESOLVED,
    /** The customer withdrew it; nobody is offered it or holds it any more. */
    WITHDRAWN
}
