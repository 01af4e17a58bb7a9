package dev.tandem.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.feedback.CheckInIssued;
import dev.tandem.contracts.feedback.FeedbackReceived;
import dev.tandem.contracts.intake.DetailsAdded;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.notification.CustomerNotified;
import dev.tandem.contracts.notification.MessageKind;
import dev.tandem.contracts.notification.NotificationFailed;
import dev.tandem.contracts.routing.HandoffKind;
import dev.tandem.contracts.routing.HandoffOffered;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestAssigned;
import dev.tandem.contracts.routing.RequestEscalated;
import dev.tandem.contracts.routing.RequestOffered;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.NextUpdatePromised;
import dev.tandem.contracts.routing.RequestReleased;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.contracts.routing.RequestTransferred;
import dev.tandem.contracts.routing.TransferDeclined;
import dev.tandem.intake.request.TimelineEntry.Facts;
import dev.tandem.intake.request.TimelineEntry.Kind;
import dev.tandem.platform.web.StateConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SupportRequestTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-11-02T09:00:00Z");

    private final SupportRequest request = SupportRequest.submit("r-1", "TDM-ABC123", "customer-ada", new SubmitRequest(
            new SubmitRequest.CustomerDetails("Ada", "ada@example.com", null), "en", Channel.EMAIL, "billing",
            "Charged twice", "I was charged twice.", null, null, null), "corr-1", SUBMITTED_AT);

    @Test
    void aSubmittedRequestCarriesItsEventAndTellsTheCustomerItArrivedWithItsReference() {
        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.snapshot().timeline()).containsExactly(
                new TimelineEntry(SUBMITTED_AT, Kind.SUBMITTED, submittedEventId(), Facts.reference("TDM-ABC123")));
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
        SupportRequest submitted = SupportRequest.submit("r-2", "TDM-ABC124", "customer-ada", new SubmitRequest(
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
        request.on(new RequestQueued(meta(1), "billing", "en", 1, null));
        request.on(new RequestOffered(meta(2), "agent-1", SUBMITTED_AT.plusSeconds(120)));
        request.on(new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing"));
        request.on(new CustomerNotified(meta(4), "n-1", MessageKind.OWNER_ASSIGNED, Channel.EMAIL));
        request.on(new RequestResolved(meta(5), "agent-1", "Grace", "Refunded the second charge."));

        RequestSnapshot resolved = request.snapshot();
        assertThat(resolved.status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(resolved.owner()).isEqualTo(new Owner("agent-1", "Grace"));
        assertThat(resolved.timeline()).extracting(TimelineEntry::kind, TimelineEntry::facts).containsExactly(
                tuple(Kind.SUBMITTED, Facts.reference("TDM-ABC123")),
                tuple(Kind.QUEUED, Facts.NONE),
                tuple(Kind.ASSIGNED, Facts.agent("Grace")),
                tuple(Kind.NOTIFIED, Facts.message(MessageKind.OWNER_ASSIGNED, Channel.EMAIL)),
                tuple(Kind.RESOLVED, Facts.resolution("Grace", "Refunded the second charge.")));
        assertThat(resolved.timeline()).extracting(TimelineEntry::at)
                .containsExactly(SUBMITTED_AT, at(1), at(3), at(4), at(5));
        assertThat(resolved.updatedAt()).isEqualTo(at(5));
    }

    @Test
    void theOwnersPromiseOfTheNextUpdateShowsInTheCustomersTimeZoneUntilTheResolution() {
        Instant by = Instant.parse("2026-11-03T12:00:00Z");
        request.on(new NextUpdatePromised(meta(2), "agent-1", "Grace", by, null));
        assertThat(request.snapshot().nextUpdate()).as("not owned yet: nobody could have promised").isNull();
        request.on(new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing"));

        request.on(new NextUpdatePromised(meta(10), "agent-1", "Grace", by, "Your bank is checking it."));
        request.on(new NextUpdatePromised(meta(4), "agent-1", "Grace", by.minusSeconds(3600), null));

        assertThat(request.snapshot().nextUpdate()).as("an older promise, delivered late, does not replace a newer one")
                .isEqualTo(new UpdatePromise(by, "Your bank is checking it.", at(10)));
        assertThat(view(request).nextUpdate())
                .isEqualTo(new RequestView.NextUpdateView(by, "Your bank is checking it."));
        assertThat(request.snapshot().timeline()).filteredOn(entry -> entry.kind() == Kind.UPDATE_PROMISED)
                .extracting(TimelineEntry::facts).containsExactly(
                        Facts.promise("Grace", by, "Your bank is checking it."),
                        Facts.promise("Grace", by.minusSeconds(3600), null));

        request.on(new RequestResolved(meta(20), "agent-1", "Grace", "Refunded."));
        assertThat(request.snapshot().nextUpdate()).isNull();
        assertThat(view(request).nextUpdate()).isNull();

        request.on(new NextUpdatePromised(meta(15), "agent-1", "Grace", by, "Still checking."));
        assertThat(request.snapshot().nextUpdate()).as("a promise delivered after the resolution").isNull();
        assertThat(request.snapshot().timeline()).filteredOn(entry -> entry.kind() == Kind.UPDATE_PROMISED)
                .as("only the promises made while Grace owned the request").hasSize(2);
    }

    @Test
    void theStatusPageReadsInTheCustomersLanguageWithThePromisedTimeInTheZoneOfTheirQuietHours() {
        SupportRequest berlin = SupportRequest.submit("r-3", "TDM-ABC125", "customer-ada", new SubmitRequest(
                new SubmitRequest.CustomerDetails("Ada", "ada@example.com", null), "de", Channel.EMAIL, "billing",
                "Charged twice", "I was charged twice.", null,
                new SubmitRequest.QuietHoursDetails(LocalTime.of(21, 0), LocalTime.of(8, 0), "Europe/Berlin"), null),
                "corr-3", SUBMITTED_AT);
        berlin.on(new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing"));

        berlin.on(new NextUpdatePromised(meta(4), "agent-1", "Grace", Instant.parse("2026-11-03T12:00:00Z"), null));

        assertThat(view(berlin).timeline()).extracting(RequestView.Step::text).containsExactly(
                "Wir haben Ihre Anfrage TDM-ABC125 erhalten.",
                "Grace kümmert sich jetzt um Ihre Anfrage.",
                "Grace meldet sich bis zum 3. November 2026, 13:00 Europe/Berlin mit einem Zwischenstand bei Ihnen.");
    }

    @Test
    void withoutQuietHoursThePromisedTimeReadsInUtc() {
        request.on(new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing"));

        request.on(new NextUpdatePromised(meta(4), "agent-1", "Grace", Instant.parse("2026-11-03T12:00:00Z"),
                "Your bank is checking it."));

        assertThat(view(request).timeline()).last().satisfies(step -> {
            assertThat(step.kind()).isEqualTo("UPDATE_PROMISED");
            assertThat(step.at()).isEqualTo(at(4));
            assertThat(step.text())
                    .isEqualTo("Grace will give you an update by 3 November 2026, 12:00 UTC: Your bank is checking it.");
        });
    }

    @Test
    void aWithdrawnOrReopenedRequestHasNoPromiseStanding() {
        Instant by = Instant.parse("2026-11-03T12:00:00Z");
        request.on(new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing"));
        request.on(new NextUpdatePromised(meta(4), "agent-1", "Grace", by, null));

        request.withdraw("Sorted it myself.", "corr-2", SUBMITTED_AT.plusSeconds(60));

        assertThat(request.snapshot().nextUpdate()).isNull();
        request.on(new NextUpdatePromised(meta(50), "agent-1", "Grace", by, null));
        assertThat(request.snapshot().nextUpdate()).as("a promise routing made before it heard").isNull();
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        RequestAssigned assigned = new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing");

        request.on(assigned);
        request.on(assigned);

        assertThat(request.snapshot().timeline()).filteredOn(entry -> entry.kind() == Kind.ASSIGNED)
                .singleElement().isEqualTo(new TimelineEntry(at(3), Kind.ASSIGNED, assigned.eventId(),
                        Facts.agent("Grace")));
    }

    @Test
    void aLateAssignmentDoesNotReopenAResolvedRequest() {
        request.on(new RequestResolved(meta(5), "agent-1", "Grace", "Done."));
        request.on(new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing"));

        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.RESOLVED);
    }

    @Test
    void aTransferPutsTheRequestInItsNewOwnersHandsAtOnceAndTellsTheCustomerTheyNeedNotRepeatThemselves() {
        request.on(new RequestAssigned(meta(3), "agent-grace", "Grace", "has skill billing"));

        request.on(transfer(meta(10), HandoffKind.ESCALATION, "Grace", "agent-ada", "Ada", 3));

        RequestSnapshot transferred = request.snapshot();
        assertThat(transferred.status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(transferred.owner()).isEqualTo(new Owner("agent-ada", "Ada"));
        assertThat(transferred.updatedAt()).isEqualTo(at(10));
        assertThat(view(request).owner()).isEqualTo(new RequestView.OwnerView("Ada"));
        assertThat(view(request).timeline()).last().satisfies(step -> {
            assertThat(step.kind()).isEqualTo("TRANSFERRED");
            assertThat(step.at()).isEqualTo(at(10));
            assertThat(step.text()).isEqualTo("Ada, a senior specialist, has taken over your request. They have "
                    + "everything you told us, so you do not need to repeat yourself.");
        });
    }

    @Test
    void theHandoffsOnTheWayToATransferAreNotTheCustomersConcern() {
        request.on(new RequestAssigned(meta(3), "agent-grace", "Grace", "has skill billing"));
        request.on(new HandoffOffered(meta(5), HandoffKind.TRANSFER, "agent-grace", "agent-ada", 3, at(125)));
        request.on(new TransferDeclined(meta(6), HandoffKind.TRANSFER, "agent-grace", "agent-ada", "DECLINED"));
        request.on(new RequestEscalated(meta(7), "billing", Urgency.HIGH, Duration.ofMinutes(30), at(600), 1));

        RequestSnapshot owned = request.snapshot();
        assertThat(owned.owner()).isEqualTo(new Owner("agent-grace", "Grace"));
        assertThat(owned.status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(owned.timeline()).extracting(TimelineEntry::kind).containsExactly(Kind.SUBMITTED, Kind.ASSIGNED);
        assertThat(owned.updatedAt()).isEqualTo(at(7));
    }

    @Test
    void aRedeliveredOrLateTransferNeitherAddsALineNorTakesTheRequestFromItsNewestOwner() {
        RequestAssigned assigned = new RequestAssigned(meta(3), "agent-grace", "Grace", "has skill billing");
        RequestTransferred toAda = transfer(meta(10), HandoffKind.TRANSFER, "Grace", "agent-ada", "Ada", 2);
        request.on(assigned);
        request.on(toAda);
        request.on(transfer(meta(20), HandoffKind.ESCALATION, "Ada", "agent-linus", "Linus", 3));

        request.on(toAda);
        request.on(assigned);

        assertThat(request.snapshot().owner()).isEqualTo(new Owner("agent-linus", "Linus"));
        assertThat(request.snapshot().timeline()).filteredOn(entry -> entry.kind() == Kind.TRANSFERRED)
                .extracting(TimelineEntry::facts)
                .containsExactly(Facts.takeover("Ada", 2), Facts.takeover("Linus", 3));
        assertThat(request.snapshot().timeline()).filteredOn(entry -> entry.kind() == Kind.ASSIGNED).hasSize(1);
    }

    @Test
    void aTransferAfterTheResolutionChangesNothingNotEvenTheTimeline() {
        request.on(new RequestAssigned(meta(3), "agent-grace", "Grace", "has skill billing"));
        request.on(new RequestResolved(meta(20), "agent-grace", "Grace", "Refunded."));

        request.on(transfer(meta(10), HandoffKind.TRANSFER, "Grace", "agent-ada", "Ada", 2));

        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(request.snapshot().owner().name()).isEqualTo("Grace");
        assertThat(request.snapshot().timeline()).extracting(TimelineEntry::kind).doesNotContain(Kind.TRANSFERRED);
        assertThat(request.snapshot().updatedAt()).isEqualTo(at(20));
    }

    @Test
    void aTransferAfterTheWithdrawalChangesNothingNotEvenTheTimeline() {
        request.on(new RequestAssigned(meta(3), "agent-grace", "Grace", "has skill billing"));
        request.withdraw("Sorted it myself.", "corr-2", SUBMITTED_AT.plusSeconds(15));

        request.on(transfer(meta(30), HandoffKind.TRANSFER, "Grace", "agent-ada", "Ada", 2));

        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(request.snapshot().owner().name()).isEqualTo("Grace");
        assertThat(request.snapshot().timeline()).extracting(TimelineEntry::kind).doesNotContain(Kind.TRANSFERRED);
    }

    @Test
    void whenTheOwnerIsGoneTheRequestWaitsForAColleagueWithThePromiseStillStanding() {
        Instant by = Instant.parse("2026-11-03T12:00:00Z");
        request.on(new RequestQueued(meta(1), "billing", "en", 2, Duration.ofMinutes(8)));
        request.on(new RequestAssigned(meta(3), "agent-grace", "Grace", "has skill billing"));
        request.on(new NextUpdatePromised(meta(4), "agent-grace", "Grace", by, "Your bank is checking it."));

        request.on(new RequestReleased(meta(300), "agent-grace", "Grace", at(120)));

        RequestSnapshot released = request.snapshot();
        assertThat(released.status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(released.owner()).isNull();
        assertThat(view(request).owner()).isNull();
        assertThat(released.nextUpdate()).as("the promise was made to the customer")
                .isEqualTo(new UpdatePromise(by, "Your bank is checking it.", at(4)));
        assertThat(view(request).timeline()).last().satisfies(step -> {
            assertThat(step.kind()).isEqualTo("RELEASED");
            assertThat(step.text()).isEqualTo("Grace is not available right now, so we are passing your request to a "
                    + "colleague. They will have everything you told us.");
        });

        request.on(new QueuePositionChanged(meta(2), "billing", "en", 1, Duration.ofMinutes(4)));
        assertThat(request.snapshot().queue()).as("a place in line from before Grace had it").isNull();
        request.on(new QueuePositionChanged(meta(330), "billing", "en", 1, Duration.ofMinutes(3)));
        assertThat(request.snapshot().queue()).isEqualTo(new QueueStanding(1, Duration.ofMinutes(3), at(330)));
    }

    @Test
    void aColleagueTakesOverARequestWhoseOwnerIsGoneAndTheirWordsAndThePromiseStay() {
        Instant by = Instant.parse("2026-11-03T12:00:00Z");
        request.on(new RequestAssigned(meta(3), "agent-grace", "Grace", "has skill billing"));
        request.on(new NextUpdatePromised(meta(4), "agent-grace", "Grace", by, null));
        RequestReleased gone = new RequestReleased(meta(300), "agent-grace", "Grace", at(120));
        request.on(gone);
        request.on(new QueuePositionChanged(meta(330), "billing", "en", 1, Duration.ofMinutes(3)));

        request.on(transfer(meta(400), HandoffKind.OWNER_GONE, "Grace", "agent-ada", "Ada", 1));
        request.on(gone);

        RequestSnapshot taken = request.snapshot();
        assertThat(taken.status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(taken.owner()).as("a late word of Grace going away").isEqualTo(new Owner("agent-ada", "Ada"));
        assertThat(taken.queue()).isNull();
        assertThat(taken.nextUpdate()).isEqualTo(new UpdatePromise(by, null, at(4)));
        assertThat(view(request).timeline()).extracting(RequestView.Step::kind, RequestView.Step::text).containsExactly(
                tuple("SUBMITTED", "We received your request TDM-ABC123."),
                tuple("ASSIGNED", "Grace is now looking after your request."),
                tuple("UPDATE_PROMISED", "Grace will give you an update by 3 November 2026, 12:00 UTC."),
                tuple("RELEASED", "Grace is not available right now, so we are passing your request to a colleague. "
                        + "They will have everything you told us."),
                tuple("TRANSFERRED", "Ada, a member of our support team, has taken over your request. They have "
                        + "everything you told us, so you do not need to repeat yourself."));
        request.on(new NextUpdatePromised(meta(410), "agent-ada", "Ada", by.plusSeconds(3600), null));
        assertThat(request.snapshot().nextUpdate().by()).as("Ada's own promise").isEqualTo(by.plusSeconds(3600));
    }

    @Test
    void onlyARequestSomeoneOwnsIsReleased() {
        request.on(new RequestQueued(meta(1), "billing", "en", 2, Duration.ofMinutes(8)));
        request.on(new RequestReleased(meta(2), "agent-grace", "Grace", at(1)));
        assertThat(request.snapshot().queue()).isEqualTo(new QueueStanding(2, Duration.ofMinutes(8), at(1)));
        request.on(new RequestAssigned(meta(3), "agent-grace", "Grace", "has skill billing"));
        request.on(new RequestResolved(meta(20), "agent-grace", "Grace", "Refunded."));

        request.on(new RequestReleased(meta(300), "agent-grace", "Grace", at(120)));

        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(request.snapshot().owner().name()).isEqualTo("Grace");
        assertThat(request.snapshot().timeline()).extracting(TimelineEntry::kind).doesNotContain(Kind.RELEASED);
    }

    @Test
    void theCustomerAddsDetailsVerbatimAndRoutingHearsOfThem() {
        String words = "  It happened again\non 4 November 🙁  ";

        request.addDetails(words, "corr-2", SUBMITTED_AT.plusSeconds(60));

        assertThat(request.snapshot().details()).extracting(AddedDetail::text).containsExactly(words);
        assertThat(request.outbox()).last().satisfies(entry -> assertThat(
                EventCodec.decode(entry.payload(), IntakeEvent.class).orElseThrow())
                .isInstanceOfSatisfying(DetailsAdded.class, added -> assertThat(added.text()).isEqualTo(words)));
        assertThat(request.snapshot().timeline()).last().extracting(TimelineEntry::kind, TimelineEntry::facts)
                .containsExactly(Kind.DETAILS_ADDED, Facts.NONE);
    }

    @Test
    void aWithdrawnRequestTakesNoMoreDetailsAndIsNotWithdrawnTwice() {
        request.withdraw("Sorted it myself.", "corr-2", SUBMITTED_AT.plusSeconds(60));

        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(request.snapshot().timeline()).extracting(TimelineEntry::kind).endsWith(Kind.WITHDRAWN);
        assertThatThrownBy(() -> request.addDetails("more", "corr-3", SUBMITTED_AT.plusSeconds(70)))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("open requests only");
        assertThatThrownBy(() -> request.withdraw(null, "corr-3", SUBMITTED_AT.plusSeconds(70)))
                .isInstanceOf(StateConflictException.class);
        request.on(new RequestResolved(meta(90), "agent-1", "Grace", "Done."));
        assertThat(request.snapshot().status()).as("a resolution routing sent before it heard")
                .isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void aResolvedRequestCanBeReopenedWithinTheWindowOnly() {
        request.on(new RequestAssigned(meta(3), "agent-1", "Grace", "has skill billing"));
        request.on(new RequestResolved(meta(5), "agent-1", "Grace", "Refunded."));
        Duration window = Duration.ofDays(14);

        assertThatThrownBy(() -> request.reopen("Still charged.", window, "corr-2",
                SUBMITTED_AT.plus(Duration.ofDays(15))))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("no longer be reopened");
        request.reopen("Still charged.", window, "corr-2", SUBMITTED_AT.plus(Duration.ofDays(13)));

        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.REOPENED);
        assertThat(request.snapshot().owner()).isNull();
        assertThat(request.snapshot().timeline()).extracting(TimelineEntry::kind).endsWith(Kind.REOPENED);
        request.on(new RequestQueued(meta(100), "billing", "en", 1, null));
        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.QUEUED);
    }

    @Test
    void onlyAResolvedRequestCanBeReopened() {
        assertThatThrownBy(() -> request.reopen("why not", Duration.ofDays(14), "corr-2", SUBMITTED_AT))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("only resolved requests");
    }

    @Test
    void whileItWaitsTheRequestShowsItsPlaceInLineAndTheLikelyWaitWithoutATimelineLineForEachMove() {
        request.on(new RequestQueued(meta(1), "billing", "en", 3, Duration.ofMinutes(12)));
        assertThat(request.snapshot().queue())
                .isEqualTo(new QueueStanding(3, Duration.ofMinutes(12), SUBMITTED_AT.plusSeconds(1)));

        request.on(new QueuePositionChanged(meta(60), "billing", "en", 2, Duration.ofMinutes(8)));
        request.on(new QueuePositionChanged(meta(120), "billing", "en", 1, null));

        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(request.snapshot().queue()).isEqualTo(new QueueStanding(1, null, SUBMITTED_AT.plusSeconds(120)));
        assertThat(request.snapshot().updatedAt()).isEqualTo(SUBMITTED_AT.plusSeconds(120));
        assertThat(request.snapshot().timeline()).extracting(TimelineEntry::kind)
                .containsExactly(Kind.SUBMITTED, Kind.QUEUED);
    }

    @Test
    void anOlderPlaceInLineNeverReplacesANewerOne() {
        request.on(new RequestQueued(meta(1), "billing", "en", 3, null));
        request.on(new QueuePositionChanged(meta(60), "billing", "en", 2, Duration.ofMinutes(8)));

        request.on(new QueuePositionChanged(meta(30), "billing", "en", 4, Duration.ofMinutes(20)));

        assertThat(request.snapshot().queue())
                .isEqualTo(new QueueStanding(2, Duration.ofMinutes(8), SUBMITTED_AT.plusSeconds(60)));
        assertThat(request.snapshot().updatedAt()).isEqualTo(SUBMITTED_AT.plusSeconds(60));
    }

    @Test
    void thePlaceInLineGoesOnceSomeoneOwnsTheRequestAndALateWordOfItDoesNotBringItBack() {
        request.on(new RequestQueued(meta(1), "billing", "en", 2, Duration.ofMinutes(8)));
        request.on(new RequestAssigned(meta(90), "agent-1", "Grace", "has skill billing"));

        assertThat(request.snapshot().queue()).isNull();
        request.on(new QueuePositionChanged(meta(60), "billing", "en", 1, Duration.ofMinutes(4)));
        request.on(new QueuePositionChanged(meta(120), "billing", "en", 1, Duration.ofMinutes(4)));
        request.on(new RequestQueued(meta(1), "billing", "en", 2, Duration.ofMinutes(8)));

        assertThat(request.snapshot().queue()).isNull();
        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(request.snapshot().owner().name()).isEqualTo("Grace");
    }

    @Test
    void aResolvedRequestHasNoPlaceInLine() {
        request.on(new RequestQueued(meta(1), "billing", "en", 2, Duration.ofMinutes(8)));
        request.on(new RequestResolved(meta(90), "agent-1", "Grace", "Done."));

        assertThat(request.snapshot().queue()).isNull();
    }

    @Test
    void aQueuedEventOfTheFirstSchemaVersionQueuesTheRequestWithoutAPlaceInLine() {
        request.on(new RequestQueued(meta(1), "billing", "en", null, null));

        assertThat(request.snapshot().status()).isEqualTo(RequestStatus.QUEUED);
        assertThat(request.snapshot().queue()).isNull();
    }

    @Test
    void everyMessageSentAndEveryOneThatCouldNotBeIsNotedWithItsKindAndChannel() {
        request.on(new CustomerNotified(meta(1), "n-1", MessageKind.ACKNOWLEDGEMENT, Channel.EMAIL));
        request.on(new NotificationFailed(meta(2), "n-2", MessageKind.ACKNOWLEDGEMENT, Channel.SMS, "no route"));

        assertThat(request.snapshot().timeline()).extracting(TimelineEntry::kind, TimelineEntry::facts).endsWith(
                tuple(Kind.NOTIFIED, Facts.message(MessageKind.ACKNOWLEDGEMENT, Channel.EMAIL)),
                tuple(Kind.NOT_DELIVERED, Facts.message(MessageKind.ACKNOWLEDGEMENT, Channel.SMS)));
    }

    @Test
    void theCheckInAndTheCustomersAnswerAreNoted() {
        request.on(new CheckInIssued(meta(1), "check-in-1", "https://tandem.local/check-ins/t-1",
                SUBMITTED_AT.plus(Duration.ofDays(7))));
        request.on(new FeedbackReceived(meta(2), "check-in-1", "agent-1", 5, "Quick and kind."));

        assertThat(request.snapshot().timeline()).extracting(TimelineEntry::kind)
                .containsExactly(Kind.SUBMITTED, Kind.CHECK_IN, Kind.FEEDBACK);
    }

    private static RequestTransferred transfer(EventMetadata metadata, HandoffKind kind, String previousName,
                                               String agentId, String agentName, int tier) {
        return new RequestTransferred(metadata, kind, "agent-" + previousName.toLowerCase(Locale.ROOT), previousName, agentId,
                agentName, tier, "has skill billing at tier " + tier);
    }

    private String submittedEventId() {
        return EventCodec.decode(request.outbox().getFirst().payload(), IntakeEvent.class).orElseThrow().eventId();
    }

    private static RequestView view(SupportRequest request) {
        return RequestView.of(request.snapshot(), new TimelineTexts());
    }

    private static Instant at(int secondsAfterSubmission) {
        return SUBMITTED_AT.plusSeconds(secondsAfterSubmission);
    }

    private static EventMetadata meta(int secondsAfterSubmission) {
        return EventMetadata.of("r-1", "corr-1", at(secondsAfterSubmission));
    }
}
