package dev.tandem.intake.request;

/** The agent who owns a request; the customer sees the name. */
record Owner(String agentId, String name) {
}
