package dev.tandem.contracts.intake;

/** How urgent the customer says the request is; routing serves higher urgency first. */
public enum Urgency {
    LOW, NORMAL, HIGH, CRITICAL
}
