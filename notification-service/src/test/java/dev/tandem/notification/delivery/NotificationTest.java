package dev.tandem.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.Topics;
import dev.tandem.contracts.notification.CustomerNotified;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.contracts.notification.NotificationEvent;
import dev.tandem.contracts.notification.NotificationFailed;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.notification.channel.Delivery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final RequestAssigned ASSIGNED = new RequestAssigned(
            new EventMetadata("event-7", 1, NOW.minusSeconds(5), "r-1", "web-42"), "agent-1", "Grace", "skill");

    private final Notification notification = Notification.pending(ASSIGNED, MessageKind.OWNER_ASSIGNED, Channel.SMS,
            "+44*******123", NOW.minusSeconds(1));

    @Test
    void isNamedAfterItsSourceEventAndKindSoThatOneEventSendsEachMessageOnce() {
        assertThat(notification.id()).isEqualTo("event-7:OWNER_ASSIGNED");
        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.isSettled()).isFalse();
        assertThat(notification.outbox()).isEmpty();
    }

    @Test
    void aSentMessageIsRecordedAndAnnouncedWithTheSourcesCorrelationId() {
        notification.settle(new Delivery.Sent(Channel.EMAIL, "a***@example.com", "<id@tandem>", 4,
                "SMS: SMS gateway answered 503"), NOW);

        assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notification.isSettled()).isTrue();
        assertThat(notification.channel()).isEqualTo(Channel.EMAIL);
        assertThat(notification.recipient()).isEqualTo("a***@example.com");
        assertThat(notification.attempts()).isEqualTo(4);
        assertThat(notification.providerMessageId()).isEqualTo("<id@tandem>");
        assertThat(notification.failureReason()).isEqualTo("SMS: SMS gateway answered 503");
        assertThat(notification.sentAt()).isEqualTo(NOW);
        assertThat(notification.outbox()).singleElement().satisfies(entry -> {
            assertThat(entry.topic()).isEqualTo(Topics.NOTIFICATION_DELIVERIES);
            assertThat(entry.key()).isEqualTo("r-1");
            CustomerNotified event = (CustomerNotified) EventCodec.decode(entry.payload(), NotificationEvent.class)
                    .orElseThrow();
            assertThat(event.metadata().correlationId()).isEqualTo("web-42");
            assertThat(event.notificationId()).isEqualTo("event-7:OWNER_ASSIGNED");
            assertThat(event.kind()).isEqualTo(MessageKind.OWNER_ASSIGNED);
            assertThat(event.channel()).isEqualTo(Channel.EMAIL);
        });
    }

    @Test
    void aMessageNoChannelTookIsRecordedAsFailedAndAnnouncedWithTheReason() {
        notification.settle(new Delivery.Failed(Channel.EMAIL, "a***@example.com", 6,
                "SMS: SMS gateway answered 503; EMAIL: mail server not reachable (MailSendException)"), NOW);

        assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(notification.isSettled()).isTrue();
        assertThat(notification.sentAt()).isNull();
        assertThat(notification.outbox()).singleElement().satisfies(entry -> {
            NotificationFailed event = (NotificationFailed) EventCodec.decode(entry.payload(),
                    NotificationEvent.class).orElseThrow();
            assertThat(event.metadata().correlationId()).isEqualTo("web-42");
            assertThat(event.reason()).startsWith("SMS: SMS gateway answered 503");
            assertThat(event.channel()).isEqualTo(Channel.EMAIL);
        });
    }
}
