package dev.tandem.notification.delivery;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.notification.MessageKind;
import java.time.Instant;

/**
 * One message to a customer as support staff and front ends see it.
 *
 * @param channel           the channel that took the message, or the last one tried
 * @param attempts          provider calls made, on all channels together
 * @param recipient         the address used, masked, such as {@code a***@example.com}
 * @param providerMessageId the SMS gateway's sid or the email's Message-ID, once sent
 * @param failureReason     why channels failed, also when a fallback then succeeded; never an address
 */
record NotificationView(String id, String requestId, MessageKind kind, Channel channel, NotificationStatus status,
                        int attempts, String recipient, String providerMessageId, String failureReason,
                        Instant createdAt, Instant sentAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.id(), notification.requestId(), notification.kind(),
                notification.channel(), notification.status(), notification.attempts(), notification.recipient(),
                notification.providerMessageId(), notification.failureReason(), notification.createdAt(),
                notification.sentAt());
    }
}
