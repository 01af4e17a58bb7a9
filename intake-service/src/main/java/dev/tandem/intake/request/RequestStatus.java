package dev.tandem.intake.request;

/** Where a request stands, as the customer sees it. */
enum RequestStatus {
    /** Received; not yet in a queue. */
    SUBMITTED,
    /**
     * Waiting for an agent with the right skill and language: its first owner, or a colleague to take it over from
     * an owner who went away.
     */
    QUEUED,
    /** An agent has accepted it and owns it. */
    ASSIGNED,
    /** The owner resolved it. It can be reopened for a while. */
    RESOLVED,
    /** The customer reopened it after its resolution; it waits to be routed again. */
    REOPENED,
    /** The customer withdrew it. */
    WITHDRAWN
}
