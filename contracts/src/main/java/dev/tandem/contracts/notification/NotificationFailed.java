package dev.tandem.contracts.notification;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;

/**
 * A message could not be delivered on any channel after retries.
 *
 * @param reason why, without any of the customer's contact details
 */
public record NotificationFailed(EventMetadata metadata, String notificationId, MessageKind kind, Channel channel,
                                 String reason) implements NotificationEvent {
}
