package dev.tandem.feedback.checkin;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** The answers customers gave, for reports such as CSAT; the check-in documents stay this package's own. */
@Component
public class AnsweredCheckIns {

    private final MongoTemplate mongo;

    AnsweredCheckIns(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(CheckIn.class).createIndex(new Index().named("agent_answers")
                .on("agentId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("answer.answeredAt", Sort.Direction.ASC));
    }

    /**
     * How many answers an agent received with each CSAT score.
     *
     * @param from  count answers given at or after this instant; null for no lower bound
     * @param until count answers given before this instant; null for no upper bound
     * @return answers per score (1 to 5), without the scores nobody gave
     */
    public Map<Integer, Long> countByScore(String agentId, Instant from, Instant until) {
        Criteria answers = Criteria.where("agentId").is(agentId).and("status").is(CheckInStatus.ANSWERED);
        if (from != null || until != null) {
            Criteria answeredAt = answers.and("answer.answeredAt");
            if (from != null) {
                answeredAt.gte(from);
            }
            if (until != null) {
                answeredAt.lt(until);
            }
        }
        Map<Integer, Long> counts = new TreeMap<>();
        mongo.aggregate(newAggregation(CheckIn.class, match(answers), group("answer.csat").count().as("answers")),
                        Document.class)
                .forEach(score -> counts.put(((Number) score.get("_id")).intValue(),
                        ((Number) score.get("answers")).longValue()));
        return counts;
    }
}
