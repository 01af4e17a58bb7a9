package dev.tandem.contracts;

/** How a customer prefers to hear from us. */
public enum Channel {
    EMAIL, SMS
}
