package dev.tandem.notification.template;

/**
 * One message to a customer, ready for either channel.
 *
 * @param subject the email subject, starting with the request's reference in brackets
 * @param body    the email body, plain text
 * @param sms     the SMS text, at most {@value MessageCatalogue#SMS_LIMIT} characters
 */
public record CustomerMessage(String subject, String body, String sms) {
}
