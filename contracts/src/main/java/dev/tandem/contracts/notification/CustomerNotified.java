package dev.tandem.contracts.notification;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;

/** A message reached the customer's provider: an email accepted by the mail server, or an SMS by the gateway. */
public record CustomerNotified(EventMetadata metadata, String notificationId, MessageKind kind, Channel channel)
        implements NotificationEvent {
}
