package dev.tandem.feedback.checkin;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.tandem.contracts.routing.RequestResolved;
import dev.tandem.platform.correlation.CorrelationId;
import dev.tandem.platform.outbox.OutboxEntry;
import dev.tandem.platform.outbox.OutboxRelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Issues check-ins after resolutions and records customers' answers, each in one single-document write. */
@Service
class CheckIns {

    private static final Logger log = LoggerFactory.getLogger(CheckIns.class);

    private final CheckInRepository checkIns;
    private final MongoTemplate mongo;
    private final CheckInLinks links;
    private final CheckInProperties properties;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;

    CheckIns(CheckInRepository checkIns, MongoTemplate mongo, CheckInLinks links, CheckInProperties properties,
             Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.checkIns = checkIns;
        this.mongo = mongo;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
        this.relay = relay;
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
     * Records the answer to an open check-in. The write is one conditional update of the document (only an
     * {@code ISSUED} check-in becomes {@code ANSWERED}) that also appends the {@code FeedbackReceived} to its
     * outbox, so of two racing answers exactly one wins, and the event is stored with the answer or not at all.
     *
     * @return the check-in as stored with its answer
     * @throws dev.tandem.platform.web.StateConflictException when it was answered before, or just now by another
     */
    CheckIn answer(CheckIn checkIn, AnswerCheckIn answer) {
        OutboxEntry received = checkIn.answer(answer.csat(), answer.comment(), CorrelationId.current(),
                clock.instant());
        CheckIn answered = mongo.findAndModify(
                query(where("_id").is(checkIn.id()).and("status").is(CheckInStatus.ISSUED)),
                new Update().set("status", checkIn.status()).set("answer", checkIn.answer()).push("outbox", received),
                FindAndModifyOptions.options().returnNew(true), CheckIn.class);
        if (answered == null) {
            throw CheckIn.alreadyAnswered();
        }
        // an update, unlike a save, is not announced to the relay by itself
        relay.ifAvailable(outbox -> outbox.pending(CheckIn.class, answered.id()));
        log.info("Check-in {} for request {} answered with CSAT {}", answered.id(), answered.requestId(),
                answer.csat());
        return answered;
    }
}
