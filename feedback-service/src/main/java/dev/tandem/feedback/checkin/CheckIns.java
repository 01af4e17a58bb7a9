package dev.tandem.feedback.checkin;


import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.platform.aggregate.Aggregates;
import dev.tandem.platform.correlation.CorrelationId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Issues check-ins after resolutions and records customers' answers, each in one single-document write. */
@Service
class CheckIns {

    private static final Logger log = LoggerFactory.getLogger(CheckIns.class);

    private final CheckInRepository checkIns;
    private final Aggregates aggregates;
    private final CheckInLinks links;
    private final CheckInProperties properties;
    private final Clock clock;

    CheckIns(CheckInRepository checkIns, Aggregates aggregates, CheckInLinks links, CheckInProperties properties,
             Clock clock) {
        this.checkIns = checkIns;
        this.aggregates = aggregates;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /** Issues the check-in that follows a resolution, unless an earlier delivery of it already did. */
    void issueAfter(RequestResolved resolved) {
        CheckIn checkIn = CheckIn.issue(resolved, links, properties.validity(), clock.instant());
        try {
            checkIns.insert(checkIn);
            log.info("Issued check-in {} after {} resolved the request", checkIn.id(), resolved.agentId());
        } catch (DuplicateKeyException alreadyIssued) {
            // the resolution was handled before and its inbox entry lost (a crash in between): nothing to do
            log.info("Check-in {} was already issued for this resolution", checkIn.id());
        }
    }

    /**
     * The check-in a link opens.
     *
     * @throws InvalidCheckInLinkException when the token is not one we signed, or names no check-in
     * @throws CheckInExpiredException     when the check-in has expired
     */
    CheckIn open(String token) {
        CheckIn checkIn = links.verify(token).flatMap(checkIns::findById)
                .orElseThrow(InvalidCheckInLinkException::new);
        checkIn.ensureOpenAt(clock.instant());
        return checkIn;
    }

    /**
     * Records the answer to an open check-in, with the {@code FeedbackReceived} that publishes it, in one versioned
     * write: of two racing answers exactly one is stored, and the other finds the check-in answered.
     *
     * @return the check-in as stored with its answer
     * @throws dev.tandem.platform.web.StateConflictException when it was answered before, or just now by another
     */
    CheckIn answer(CheckIn checkIn, AnswerCheckIn answer) {
        CheckIn answered = aggregates.update(checkIn, open -> open.answer(answer.csat(), answer.comment(),
                CorrelationId.current(), clock.instant()));
        log.info("Check-in {} for request {} answered with CSAT {}", answered.id(), answered.requestId(),
                answer.csat());
        return answered;
    }
}
