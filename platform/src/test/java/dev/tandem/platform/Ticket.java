package dev.tandem.platform;

import dev.tandem.contracts.Topics;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.platform.outbox.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("tickets")
class Ticket {

    @Id
    String id;
    @Version
    Long version;
    String subject;
    List<OutboxEntry> outbox = new ArrayList<>();

    static Ticket opened(String subject) {
        Ticket ticket = new Ticket();
        ticket.subject = subject;
        return ticket;
    }

    static Ticket submitted(RequestSubmitted event) {
        Ticket ticket = new Ticket();
        ticket.id = event.requestId();
        ticket.subject = event.subject();
        ticket.outbox.add(OutboxEntry.of(Topics.INTAKE_REQUESTS, event));
        return ticket;
    }

    /** The ticket of the events' request, with all of them pending, in this order. */
    static Ticket submitted(RequestSubmitted first, RequestSubmitted... more) {
        Ticket ticket = submitted(first);
        for (RequestSubmitted event : more) {
            ticket.record(event);
        }
        return ticket;
    }

    /** Another copy of the ticket as it is now, as a second reader would have it. */
    Ticket copy() {
        Ticket copy = new Ticket();
        copy.id = id;
        copy.version = version;
        copy.subject = subject;
        copy.outbox = new ArrayList<>(outbox);
        return copy;
    }

    /** Appends a pending event, as a service does when the ticket changes. */
    void record(RequestSubmitted event) {
        subject = event.subject();
        outbox.add(OutboxEntry.of(Topics.INTAKE_REQUESTS, event));
    }
}
