package dev.tandem.notification.delivery;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.notification.channel.Contact;
import dev.tandem.notification.template.MessageFacts;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who to keep informed about one request, and how: taken from the request's {@code RequestSubmitted}, since
 * the later events name only the request.
 */
@Document("recipients")
class Recipient {

    @Id
    private String requestId;
    private String reference;
    private String name;
    private String email;
    private String phone;
    private String language;
    private Channel preferredChannel;
    private Instant submittedAt;

    Recipient() {
        // for the mapping layer
    }

    static Recipient of(RequestSubmitted submitted) {
        Recipient recipient = new Recipient();
        recipient.requestId = submitted.requestId();
        recipient.reference = submitted.reference();
        recipient.name = submitted.customer().name();
        recipient.email = submitted.customer().email();
        recipient.phone = submitted.customer().phone();
        recipient.language = submitted.language();
        recipient.preferredChannel = submitted.preferredChannel();
        recipient.submittedAt = submitted.metadata().occurredAt();
        return recipient;
    }

    Contact contact() {
        return new Contact(name, email, phone, preferredChannel);
    }

    /** The facts of a message to this recipient; {@code detail} as in {@link MessageFacts}. */
    MessageFacts facts(String detail) {
        return new MessageFacts(name, reference, detail);
    }

    String language() {
        return language;
    }
}
