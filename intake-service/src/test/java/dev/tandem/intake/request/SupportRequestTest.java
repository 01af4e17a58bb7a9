package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.notification.CustomerNotified;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RequestResolved;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SupportRequestTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-11-02T09:00:00Z");

    private final SupportRequest request = SupportRequest.submit("r-1", "TDM-ABC123", new SubmitRequest(
            new SubmitRequest.CustomerDetails("Ada", "ada@example.com", null), "en", Channel.EMAIL, "billing",
            "Charged twice", "I was charged twice.", null, null, null), "corr-1", SUBMITTED_AT);

    @Test
    void aSubmittedRequestCarriesItsEventAndTellsTheCustomerItArrived() {
        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.timeline()).extracting(TimelineEntry::text)
                .containsExactly("We received your request TDM-ABC123.");
        assertThat(request.outbox()).singleElement().satisfies(entry -> {
            assertThat(entry.key()).isEqualTo("r-1");
            RequestSubmitted event = (RequestSubmitted) EventCodec.decode(entry.payload(), IntakeEvent.class)
                    .orElseThrow();
            assertThat(event.metadata().correlationId()).isEqualTo("corr-1");
            assertThat(event.description()).isEqualTo("I was charged twice.");
            assertThat(event.urgency()).hasToString("NORMAL");
        });
    }

    @Test
    void theCustomersOwnWordsAndWishesTravelInTheEventUnchanged() {
        String words = "  Charged twice 🙂\r\n\tonce on the 3rd,\n once on the 4th.  ";
        SupportRequest submitted = SupportRequest.submit("r-2", "TDM-ABC124", new SubmitRequest(
                new SubmitRequest.CustomerDetails("Ada", "ada@example.com", "+447700900123"), "de", Channel.SMS,
                "billing", "Charged twice", words, null,
                new SubmitRequest.QuietHoursDetails(LocalTime.of(21, 0), LocalTime.of(8, 0), "Europe/Berlin"),
                " Hard of hearing:\nplease write. "), "corr-2", SUBMITTED_AT);

        RequestSubmitted event = (RequestSubmitted) EventCodec.decode(submitted.outbox().getFirst().payload(),
                IntakeEvent.class).orElseThrow();
        assertThat(event.description()).isEqualTo(words);
        assertThat(event.accessibilityNotes()).isEqualTo(" Hard of hearing:\nplease write. ");
        assertThat(event.quietHours()).isEqualTo(
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Europe/Berlin")));
        assertThat(event.language()).isEqualTo("de");
        assertThat(event.preferredChannel()).isEqualTo(Channel.SMS);
    }

    @Test
    void followsTheRequestFromQueueToOwnerToResolution() {
        request.on(new RequestQueued(meta(1), "billing", "en"));
        request.on(new RequestOffered(meta(2), "agent-1", SUBMITTED_AT.plusSeconds(120)));
        request.on(new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing"));
        request.on(new CustomerNotified(meta(4), "n-1", MessageKind.OWNER_ASSIGNED, Channel.EMAIL));
        request.on(new RequestResolved(meta(5), "agent-1", "Grace", "Refunded the second charge."));

        assertThat(request.status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(request.owner()).isEqualTo(new Owner("agent-1", "Grace"));
        assertThat(request.timeline()).extracting(TimelineEntry::text).containsExactly(
                "We received your request TDM-ABC123.",
                "Your request is waiting for the next available specialist.",
                "Grace is now looking after your request.",
                "We sent you the name of the person looking after your request by email.",
                "Grace resolved your request: Refunded the second charge.");
        assertThat(request.updatedAt()).isEqualTo(SUBMITTED_AT.plusSeconds(5));
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        RequestAssigned assigned = new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing");

        request.on(assigned);
        request.on(assigned);

        assertThat(request.timeline()).filteredOn(entry -> entry.kind().equals("ASSIGNED")).hasSize(1);
    }

    @Test
    void aLateAssignmentDoesNotReopenAResolvedRequest() {
        request.on(new RequestResolved(meta(5), "agent-1", "Grace", "Done."));
        request.on(new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing"));

        assertThat(request.status()).isEqualTo(RequestStatus.RESOLVED);
    }

    private static EventMetadata meta(int secondsAfterSubmission) {
        return EventMetadata.of("r-1", "corr-1", SUBMITTED_AT.plusSeconds(secondsAfterSubmission));
    }
}
