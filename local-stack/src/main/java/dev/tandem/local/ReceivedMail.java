package dev.tandem.local;

import java.time.Instant;

/**
 * One mail the local SMTP server accepted, once per recipient.
 *
 * @param to   the recipient it was delivered to (the envelope recipient, so Bcc shows too)
 * @param body the plain-text content: the text part of a multipart mail, or an HTML body with its tags removed
 */
public record ReceivedMail(String to, String from, String subject, String body, Instant receivedAt) {
}
