package dev.tandem.notification.delivery;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.TandemEvent;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.notification.CustomerNotified;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.contracts.notification.NotificationFailed;
import dev.tandem.notification.channel.Delivery;
import dev.tandem.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to a customer, caused by one event. Its id is the source event's id and the kind of message,
 * so one event can never produce the same message twice: whoever inserts the id first sends it. The outcome
 * and its {@code CustomerNotified} or {@code NotificationFailed} event are written in one save.
 */
@Document("notifications")
class Notification {

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String requestId;
    private String sourceEventId;
    private String correlationId;
    private MessageKind kind;
    private Channel channel;
    private NotificationStatus status;
    private int attempts;
    /** The address used, masked; the address itself lives only with the recipient. */
    private String recipient;
    private String providerMessageId;
    private String failureReason;
    private Instant createdAt;
    private Instant sentAt;
    private List<OutboxEntry> outbox = new ArrayList<>();

    Notification() {
        // for the mapping layer
    }

    static String idFor(TandemEvent source, MessageKind kind) {
        return source.eventId() + ":" + kind;
    }

    static Notification pending(TandemEvent source, MessageKind kind, Channel channel, String maskedRecipient,
                                Instant now) {
        Notification notification = new Notification();
        notification.id = idFor(source, kind);
        notification.requestId = source.requestId();
        notification.sourceEventId = source.eventId();
        notification.correlationId = source.metadata().correlationId();
        notification.kind = kind;
        notification.channel = channel;
        notification.status = NotificationStatus.PENDING;
        notification.recipient = maskedRecipient;
        notification.createdAt = now;
        return notification;
    }

    /** Sent or failed for good: nothing more to do for this message. */
    boolean isSettled() {
        return status != NotificationStatus.PENDING;
    }

    /** Records how sending ended and the event that tells the other services, with the source's correlation. */
    void settle(Delivery delivery, Instant now) {
        attempts += delivery.attempts();
        channel = delivery.channel();
        recipient = delivery.recipient();
        failureReason = delivery.failures();
        EventMetadata metadata = EventMetadata.of(requestId, correlationId, now);
        switch (delivery) {
            case Delivery.Sent sent -> {
                status = NotificationStatus.SENT;
                providerMessageId = sent.providerMessageId();
                sentAt = now;
                outbox.add(OutboxEntry.of(Topics.NOTIFICATION_DELIVERIES,
                        new CustomerNotified(metadata, id, kind, channel)));
            }
            case Delivery.Failed failed -> {
                status = NotificationStatus.FAILED;
                outbox.add(OutboxEntry.of(Topics.NOTIFICATION_DELIVERIES,
                        new NotificationFailed(metadata, id, kind, channel, failed.failures())));
            }
        }
    }

    String id() {
        return id;
    }

    String requestId() {
        return requestId;
    }

    MessageKind kind() {
        return kind;
    }

    Channel channel() {
        return channel;
    }

    NotificationStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    String recipient() {
        return recipient;
    }

    String providerMessageId() {
        return providerMessageId;
    }

    String failureReason() {
        return failureReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }
}
