package dev.tandem.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.Urgency;
import dev.tandem.contracts.routing.HandoffKind;
import dev.tandem.contracts.routing.HandoffOffered;
import dev.tandem.contracts.routing.RequestReleased;
import dev.tandem.contracts.routing.RequestTransferred;
import dev.tandem.contracts.routing.TransferDeclined;
import dev.tandem.platform.web.StateConflictException;
import dev.tandem.routing.agent.ActiveRequest;
import dev.tandem.routing.assignment.HandoffPacket.OwnerSpell;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Handing a request from one owner to another: the old owner keeps it until the new one accepts, a declined or
 * expired handoff leaves it with the old owner, and a request whose owner left goes back to its queue with a packet.
 */
class HandoffTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant OWNED = SUBMITTED.plusSeconds(60);
    private static final Instant HANDED = OWNED.plus(Duration.ofMinutes(20));
    private static final Instant EXPIRES = HANDED.plus(Duration.ofMinutes(2));
    private static final HandoffTarget SENIORS = new HandoffTarget(null, 3, null);

    private final RoutedRequest request = ownedByGrace();

    @Test
    void theColleagueIsOfferedItWithThePacketWhileTheOwnerKeepsIt() {
        handToAda();

        assertThat(request.status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(request.ownerId()).isEqualTo("grace");
        assertThat(request.occupiesSlotOf("grace")).isTrue();
        assertThat(request.occupiesSlotOf("ada")).as("her slot is reserved for the handoff").isTrue();
        HandoffOffered offered = (HandoffOffered) TimeToOwnerTest.lastEvent(request);
        assertThat(offered.kind()).isEqualTo(HandoffKind.ESCALATION);
        assertThat(offered.ownerId()).isEqualTo("grace");
        assertThat(offered.agentId()).isEqualTo("ada");
        assertThat(offered.agentTier()).isEqualTo(3);
        HandoffPacket packet = request.handoff().packet();
        assertThat(packet.summary()).isEqualTo("Charged twice; the bank shows both as settled.");
        assertThat(packet.stepsTried()).containsExactly("Checked the invoice", "Asked the bank");
        assertThat(packet.customerWords()).isEqualTo("My statement shows two charges.");
        assertThat(packet.language()).isEqualTo("en");
        assertThat(packet.preferences().channel()).isEqualTo(Channel.EMAIL);
        assertThat(packet.promises()).containsExactly(
                new HandoffPacket.Promise("a refund of the second charge", HANDED.plus(Duration.ofDays(2))),
                new HandoffPacket.Promise("the customer's next update", HANDED.plus(Duration.ofDays(1))));
        assertThat(packet.owners()).containsExactly(new OwnerSpell("grace", "Grace", OWNED, null));
        assertThat(request.history().getLast().kind()).isEqualTo(RoutingEntry.Kind.HANDOFF_OFFERED);
    }

    @Test
    void acceptingMakesTheColleagueTheOwnerWithoutAMomentWithoutOneAndFreesTheOldOwnersSlot() {
        handToAda();

        SlotRelease released = request.acceptHandoff("ada", "Ada", HANDED.plusSeconds(30));

        assertThat(request.ownerId()).isEqualTo("ada");
        assertThat(request.handoff()).isNull();
        assertThat(released.held()).containsExactly(new SlotRelease.Held("grace",
                new ActiveRequest("r-1", OWNED.minusSeconds(30), Urgency.HIGH)));
        assertThat(request.occupiesSlotOf("ada")).isTrue();
        assertThat(request.occupiesSlotOf("grace")).isFalse();
        RequestTransferred transferred = (RequestTransferred) TimeToOwnerTest.lastEvent(request);
        assertThat(transferred.kind()).isEqualTo(HandoffKind.ESCALATION);
        assertThat(transferred.previousAgentName()).isEqualTo("Grace");
        assertThat(transferred.agentName()).isEqualTo("Ada");
        assertThat(transferred.agentTier()).isEqualTo(3);
        assertThat(transferred.reason()).isEqualTo("Grace escalated it to tier 3");
        assertThat(request.owners()).as("one owner's spell ends as the next one's starts").containsExactly(
                new OwnerSpell("grace", "Grace", OWNED, HANDED.plusSeconds(30)),
                new OwnerSpell("ada", "Ada", HANDED.plusSeconds(30), null));
        assertThat(request.ownerless(HANDED.plusSeconds(30))).as("only the wait for Grace")
                .isEqualTo(Duration.ofSeconds(60));
        // her reservation, made with the handoff's offer, is the slot the request holds from now
        assertThat(request.resolve("ada", "Refunded.", HANDED.plusSeconds(90)).held()).containsExactly(
                new SlotRelease.Held("ada", new ActiveRequest("r-1", HANDED, Urgency.HIGH)));
    }

    @Test
    void aDeclinedHandoffLeavesTheRequestWithItsOwnerWhoIsTold() {
        handToAda();

        SlotRelease released = request.declineHandoff("ada", HANDED.plusSeconds(10));

        assertThat(request.ownerId()).isEqualTo("grace");
        assertThat(request.handoff()).isNull();
        assertThat(released.held()).containsExactly(new SlotRelease.Held("ada",
                new ActiveRequest("r-1", HANDED, Urgency.HIGH)));
        TransferDeclined declined = (TransferDeclined) TimeToOwnerTest.lastEvent(request);
        assertThat(declined.ownerId()).isEqualTo("grace");
        assertThat(declined.agentId()).isEqualTo("ada");
        assertThat(declined.reason()).isEqualTo("DECLINED");
        assertThat(request.history().getLast().note()).isEqualTo("declined the handoff; Grace keeps it");
    }

    @Test
    void aHandoffNobodyAnswersExpiresBackToTheOwner() {
        handToAda();
        assertThatThrownBy(() -> request.expireHandoff(EXPIRES.minusMillis(1)))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> request.acceptHandoff("ada", "Ada", EXPIRES))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("expired");

        request.expireHandoff(EXPIRES);

        assertThat(request.ownerId()).isEqualTo("grace");
        assertThat(((TransferDeclined) TimeToOwnerTest.lastEvent(request)).reason()).isEqualTo("EXPIRED");
    }

    @Test
    void onlyTheOwnerHandsItOverOneHandoffAtATimeAndNotWhileItIsResolved() {
        assertThatThrownBy(() -> request.offerHandoff("alan", SENIORS, packet(), "ada", 3, "why", HANDED, EXPIRES))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("Only the owner");
        handToAda();
        assertThatThrownBy(() -> request.offerHandoff("grace", SENIORS, packet(), "lin", 3, "why", HANDED, EXPIRES))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("already being handed to ada");
        assertThatThrownBy(() -> request.resolve("grace", "Done.", HANDED.plusSeconds(5)))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("being handed to agent ada");
    }

    @Test
    void aWithdrawalDuringAHandoffFreesBothSlots() {
        handToAda();

        SlotRelease released = request.withdraw(HANDED.plusSeconds(5)).orElseThrow();

        assertThat(released.held()).extracting(SlotRelease.Held::agentId).containsExactly("grace", "ada");
        assertThat(request.handoff()).isNull();
    }

    @Test
    void aRequestWhoseOwnerLeftGoesBackToItsQueueAtItsOldPlaceWithAPacketAndNoOwnerSinceTheyLeft() {
        Instant left = HANDED;
        Instant now = left.plus(Duration.ofMinutes(5));
        Instant rank = request.rank();

        SlotRelease released = request.releaseFrom("grace", left, new Standing(1, null), Requests.SLA, now)
                .orElseThrow();

        assertThat(released.held()).extracting(SlotRelease.Held::agentId).containsExactly("grace");
        assertThat(request.status()).isEqualTo(RequestStatus.WAITING);
        assertThat(request.ownerId()).isNull();
        assertThat(request.rank()).as("ahead of those that came after it").isEqualTo(rank);
        assertThat(request.knownAgentUntil()).as("anyone eligible takes it at once, not only Grace on her return")
                .isNull();
        assertThat(request.ownerlessSince()).isEqualTo(left);
        assertThat(request.slaDueAt()).isEqualTo(left.plus(Duration.ofMinutes(30)));
        assertThat(request.handoff().kind()).isEqualTo(HandoffKind.OWNER_GONE);
        assertThat(request.handoff().packet().summary()).startsWith("Charged twice. Grace owned it and left it at");
        assertThat(request.owners()).containsExactly(new OwnerSpell("grace", "Grace", OWNED, left));
        RequestReleased event = (RequestReleased) TimeToOwnerTest.lastEvent(request);
        assertThat(event.agentName()).isEqualTo("Grace");
        assertThat(event.leftAt()).isEqualTo(left);

        request.offerTo("alan", Requests.explanation("alan"), now.plusSeconds(1), now.plusSeconds(121),
                Requests.COOL_DOWN);
        request.accept("alan", "Alan", 2, "en", 1, now.plusSeconds(31));

        RequestTransferred transferred = (RequestTransferred) TimeToOwnerTest.lastEvent(request);
        assertThat(transferred.kind()).isEqualTo(HandoffKind.OWNER_GONE);
        assertThat(transferred.previousAgentName()).isEqualTo("Grace");
        assertThat(transferred.agentName()).isEqualTo("Alan");
        assertThat(transferred.agentTier()).isEqualTo(2);
        assertThat(request.lastOwnerless()).as("from Grace leaving to Alan accepting")
                .isEqualTo(Duration.ofMinutes(5).plusSeconds(31));
        assertThat(request.handoff()).isNull();
    }

    @Test
    void aRequestNoLongerTheirsOrBeingHandedOverIsNotReleased() {
        assertThat(request.releaseFrom("alan", HANDED, new Standing(1, null), Requests.SLA, HANDED))
                .isEmpty();
        handToAda();
        assertThat(request.releaseFrom("grace", HANDED, new Standing(1, null), Requests.SLA, HANDED))
                .as("the handoff under way settles it").isEmpty();
    }

    @Test
    void aHandoffIsNotOfferedOnTheStrengthOfASlotTheSweepGaveBack() {
        assertThat(request.reclaim("ada", HANDED.plusSeconds(30))).isTrue();

        assertThatThrownBy(() -> request.offerHandoff("grace", SENIORS, packet(), "ada", 3, "why", HANDED, EXPIRES))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("has been given back");
        assertThat(request.handoff()).isNull();
    }

    private void handToAda() {
        request.promiseUpdate("grace", HANDED.plus(Duration.ofDays(1)), null, HANDED);
        request.offerHandoff("grace", SENIORS, packet(), "ada", 3, "Grace escalated it to tier 3", HANDED, EXPIRES);
    }

    private HandoffPacket packet() {
        return request.packet("Charged twice; the bank shows both as settled.",
                List.of("Checked the invoice", "Asked the bank"),
                List.of(new HandoffPacket.Promise("a refund of the second charge", HANDED.plus(Duration.ofDays(2)))));
    }

    private static RoutedRequest ownedByGrace() {
        RoutedRequest owned = RoutedRequest.queue(Requests.submitted("r-1", "billing", "en", Urgency.HIGH, "c-1",
                SUBMITTED), Requests.queueOf("billing"), new Standing(1, null), Requests.HEAD_START, Requests.SLA,
                SUBMITTED);
        owned.offerTo("grace", Requests.explanation("grace"), OWNED.minusSeconds(30), OWNED.plusSeconds(90),
                Requests.COOL_DOWN);
        owned.accept("grace", "Grace", 1, "en", 1, OWNED);
        return owned;
    }
}
