package dev.tandem.contracts.intake;

/**
 * Who asked, and how to reach them.
 *
 * @param phone E.164 phone number, or {@code null} when the customer gave none
 */
public record Customer(String name, String email, String phone) {
}
