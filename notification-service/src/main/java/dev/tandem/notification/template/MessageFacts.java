package dev.tandem.notification.template;

/**
 * What a message says besides its fixed text.
 *
 * @param customerName how we greet the customer
 * @param reference    the request's reference, such as {@code TDM-7KQ2M9}
 * @param detail       what this kind of message is about: the owner's name, the resolution summary or the
 *                     check-in link; {@code null} for an acknowledgement
 */
public record MessageFacts(String customerName, String reference, String detail) {
}
