package dev.tandem.notification.delivery;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.TandemEvent;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.notification.channel.Contact;
import dev.tandem.notification.channel.Courier;
import dev.tandem.notification.channel.Delivery;
import dev.tandem.notification.channel.Masking;
import dev.tandem.notification.template.CustomerMessage;
import dev.tandem.notification.template.MessageCatalogue;
import dev.tandem.platform.aggregate.Aggregates;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Turns an event into one message to the customer, sent at most once per event and kind, and recorded. */
@Service
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final RecipientRepository recipients;
    private final NotificationRepository notifications;
    private final Aggregates aggregates;
    private final MessageCatalogue catalogue;
    private final Courier courier;
    private final Clock clock;

    Notifier(RecipientRepository recipients, NotificationRepository notifications, Aggregates aggregates,
             MessageCatalogue catalogue, Courier courier, Clock clock) {
        this.recipients = recipients;
        this.notifications = notifications;
        this.aggregates = aggregates;
        this.catalogue = catalogue;
        this.courier = courier;
        this.clock = clock;
    }

    /** Remembers who asked and how to reach them, and confirms that the request arrived. */
    void acknowledge(RequestSubmitted submitted) {
        Recipient recipient = recipients.save(Recipient.of(submitted));
        send(submitted, MessageKind.ACKNOWLEDGEMENT, recipient, null);
    }

    /**
     * Tells the customer about a later event of their request.
     *
     * @param detail the owner's name, the resolution summary or the check-in link
     * @throws RecipientNotKnownYet when the request's {@code RequestSubmitted} has not been handled yet
     */
    void notify(TandemEvent source, MessageKind kind, String detail) {
        Recipient recipient = recipients.findById(source.requestId())
                .orElseThrow(() -> new RecipientNotKnownYet(source.requestId()));
        send(source, kind, recipient, detail);
    }

    private void send(TandemEvent source, MessageKind kind, Recipient recipient, String detail) {
        Optional<Notification> claimed = claim(source, kind, recipient.contact());
        if (claimed.isEmpty()) {
            return;
        }
        Notification notification = claimed.get();
        CustomerMessage message = catalogue.compose(kind, recipient.language(), recipient.facts(detail));
        Delivery delivery = courier.deliver(notification.id(), recipient.contact(), message);
        aggregates.update(notification, sent -> sent.settle(delivery, clock.instant()));
    }

    /** Inserts the notification before anything is sent; whoever inserts it first is the one who sends. */
    private Optional<Notification> claim(TandemEvent source, MessageKind kind, Contact contact) {
        Channel first = courier.firstChoice(contact);
        Notification pending = Notification.pending(source, kind, first,
                Masking.address(first, contact.address(first)), clock.instant());
        try {
            return Optional.of(notifications.insert(pending));
        } catch (DuplicateKeyException alreadyThere) {
            Notification existing = notifications.findById(pending.id()).orElseThrow(() -> alreadyThere);
            if (existing.isSettled()) {
                log.info("Notification {} is already {}; nothing to send", existing.id(), existing.status());
                return Optional.empty();
            }
            // PENDING: an earlier run recorded this message and died before recording how sending ended. It
            // may have reached the provider or not, and neither SMTP nor the SMS gateway can tell us which.
            // We send again: after such a crash the customer may get the message twice, which beats never
            // getting it. A resent email keeps its Message-ID, so mail clients can recognise the copy.
            log.warn("Notification {} was left pending by an interrupted run; sending it again", existing.id());
            return Optional.of(existing);
        }
    }
}
