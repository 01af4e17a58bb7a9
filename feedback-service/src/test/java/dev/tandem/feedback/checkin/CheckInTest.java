package dev.tandem.feedback.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.contracts.EventCodec;
import dev.tandem.contracts.EventMetadata;
import dev.tandem.contracts.feedback.CheckInIssued;
import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.feedback.FeedbackReceived;
import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.platform.web.StateConflictException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckInTest {

    private static final Instant RESOLVED_AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration VALIDITY = Duration.ofDays(14);

    private final CheckInLinks links = new CheckInLinks(
            new CheckInProperties("https://feedback.example.com", CheckInLinksTest.KEY, VALIDITY));
    private final RequestResolved resolved = new RequestResolved(
            EventMetadata.of("r-1", "corr-1", RESOLVED_AT), "agent-7", "Grace", "Refunded the second charge.");
    private final CheckIn checkIn = CheckIn.issue(resolved, links, VALIDITY, RESOLVED_AT.plusSeconds(1));

    @Test
    void anIssuedCheckInCarriesItsSignedLinkWithTheResolutionsCorrelationId() {
        assertThat(checkIn.status()).isEqualTo(CheckInStatus.ISSUED);
        assertThat(checkIn.requestId()).isEqualTo("r-1");
        assertThat(checkIn.agentId()).isEqualTo("agent-7");
        assertThat(checkIn.agentName()).isEqualTo("Grace");
        assertThat(checkIn.expiresAt()).isEqualTo(RESOLVED_AT.plusSeconds(1).plus(VALIDITY));
        assertThat(checkIn.outbox()).singleElement().satisfies(entry -> {
            assertThat(entry.key()).isEqualTo("r-1");
            CheckInIssued issued = (CheckInIssued) EventCodec.decode(entry.payload(), FeedbackEvent.class)
                    .orElseThrow();
            assertThat(issued.metadata().correlationId()).isEqualTo("corr-1");
            assertThat(issued.checkInId()).isEqualTo(checkIn.id());
            assertThat(issued.link()).isEqualTo(links.linkTo(checkIn.id()));
            assertThat(issued.expiresAt()).isEqualTo(checkIn.expiresAt());
        });
    }

    @Test
    void publishesTheSameExpiryItStoresWhichKeepsMilliseconds() {
        CheckIn precise = CheckIn.issue(resolved, links, VALIDITY, RESOLVED_AT.plusNanos(1_234_567));

        CheckInIssued issued = (CheckInIssued) EventCodec.decode(precise.outbox().getFirst().payload(),
                FeedbackEvent.class).orElseThrow();
        assertThat(precise.expiresAt()).isEqualTo(RESOLVED_AT.plus(VALIDITY).plusMillis(1));
        assertThat(issued.expiresAt()).isEqualTo(precise.expiresAt());
    }

    @Test
    void theSameResolutionAlwaysYieldsTheSameCheckInIdAndAnotherResolutionAnother() {
        RequestResolved again = new RequestResolved(new EventMetadata(resolved.eventId(), 1, RESOLVED_AT, "r-1",
                "corr-1"), "agent-7", "Grace", "Refunded the second charge.");
        RequestResolved reopenedAndResolved = new RequestResolved(EventMetadata.of("r-1", "corr-2", RESOLVED_AT),
                "agent-7", "Grace", "Done again.");

        assertThat(CheckIn.issue(again, links, VALIDITY, RESOLVED_AT.plusSeconds(60)).id()).isEqualTo(checkIn.id());
        assertThat(CheckIn.idFor(reopenedAndResolved)).isNotEqualTo(checkIn.id());
    }

    @Test
    void anAnswerWithinTheValidityIsRecordedWithItsEvent() {
        Instant now = RESOLVED_AT.plus(Duration.ofDays(3));

        checkIn.answer(4, "  Quick and kind.  ", "corr-answer", now);

        assertThat(checkIn.status()).isEqualTo(CheckInStatus.ANSWERED);
        assertThat(checkIn.answer()).isEqualTo(new Answer(4, "Quick and kind.", now));
        assertThat(checkIn.outbox()).hasSize(2).last().satisfies(entry -> {
            FeedbackReceived received = (FeedbackReceived) EventCodec.decode(entry.payload(), FeedbackEvent.class)
                    .orElseThrow();
            assertThat(received.checkInId()).isEqualTo(checkIn.id());
            assertThat(received.agentId()).isEqualTo("agent-7");
            assertThat(received.csat()).isEqualTo(4);
            assertThat(received.comment()).isEqualTo("Quick and kind.");
            assertThat(received.requestId()).isEqualTo("r-1");
            assertThat(received.metadata().correlationId()).isEqualTo("corr-answer");
        });
    }

    @Test
    void aBlankCommentIsNoComment() {
        checkIn.answer(5, "   ", "corr-answer", RESOLVED_AT.plusSeconds(60));

        assertThat(checkIn.answer().comment()).isNull();
    }

    @Test
    void aSecondAnswerIsRefusedAndTheFirstStands() {
        checkIn.answer(5, null, "corr-answer", RESOLVED_AT.plusSeconds(60));

        assertThatThrownBy(() -> checkIn.answer(1, "changed my mind", "corr-again", RESOLVED_AT.plusSeconds(120)))
                .isInstanceOf(StateConflictException.class);
        assertThat(checkIn.answer().csat()).isEqualTo(5);
        assertThat(checkIn.outbox()).hasSize(2);
    }

    @Test
    void anExpiredCheckInTakesNoAnswer() {
        Instant expiry = checkIn.expiresAt();

        assertThatThrownBy(() -> checkIn.answer(5, null, "corr-late", expiry))
                .isInstanceOf(CheckInExpiredException.class).hasMessageContaining(expiry.toString());
        assertThat(checkIn.status()).isEqualTo(CheckInStatus.ISSUED);
        assertThat(checkIn.outbox()).hasSize(1);
    }

    @Test
    void aCheckInIsOpenUntilTheMomentItExpires() {
        checkIn.ensureOpenAt(checkIn.expiresAt().minusMillis(1));

        assertThatThrownBy(() -> checkIn.ensureOpenAt(checkIn.expiresAt()))
                .isInstanceOf(CheckInExpiredException.class);
    }

    @Test
    void anAnsweredCheckInThatExpiredIsExpired() {
        checkIn.answer(5, null, "corr-answer", RESOLVED_AT.plusSeconds(60));

        assertThatThrownBy(() -> checkIn.answer(4, null, "corr-late", checkIn.expiresAt().plusSeconds(1)))
                .isInstanceOf(CheckInExpiredException.class);
    }
}
