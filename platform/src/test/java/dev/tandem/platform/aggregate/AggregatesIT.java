package dev.tandem.platform.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.platform.web.StateConflictException;
import dev.tandem.testsupport.TandemIntegrationTest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Changes of a versioned document on the real store, with another writer cutting in where the test says. */
@TandemIntegrationTest
class AggregatesIT {

    @Autowired
    Aggregates aggregates;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aChangeThatLosesToAnotherWriterIsAppliedAgainToTheDocumentAsStored() {
        Counter counter = mongo.insert(new Counter());
        AtomicInteger attempts = new AtomicInteger();

        Counter saved = aggregates.update(Counter.class, counter.id, read -> {
            if (attempts.getAndIncrement() == 0) {
                anotherWriterAdds("theirs", read.id);
            }
            read.notes.add("mine");
        }).orElseThrow();

        assertThat(attempts).hasValue(2);
        assertThat(saved.notes).containsExactly("theirs", "mine");
        assertThat(mongo.findById(counter.id, Counter.class).notes).containsExactly("theirs", "mine");
    }

    @Test
    void givesUpAfterFiveConflictsInARowAndLeavesWhatTheOthersWrote() {
        Counter counter = mongo.insert(new Counter());
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> aggregates.update(Counter.class, counter.id, read -> {
            attempts.incrementAndGet();
            anotherWriterAdds("theirs", read.id);
            read.notes.add("mine");
        })).isInstanceOf(ConcurrentChangeException.class)
                .isInstanceOf(StateConflictException.class)
                .hasMessageContaining("Counter " + counter.id + " was changed by others 5 times in a row");

        assertThat(attempts).hasValue(Aggregates.ATTEMPTS);
        assertThat(mongo.findById(counter.id, Counter.class).notes).hasSize(5).containsOnly("theirs");
    }

    @Test
    void aChangeTheDomainRefusesIsNeitherRetriedNorSaved() {
        Counter counter = mongo.insert(new Counter());
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> aggregates.update(Counter.class, counter.id, read -> {
            attempts.incrementAndGet();
            read.notes.add("half-done");
            throw new StateConflictException("not now");
        })).hasMessage("not now");

        assertThat(attempts).hasValue(1);
        assertThat(mongo.findById(counter.id, Counter.class).notes).isEmpty();
    }

    @Test
    void aChangeThatChangesNothingIsNotSaved() {
        Counter counter = mongo.insert(new Counter());

        aggregates.updateIf(Counter.class, counter.id, read -> false);

        assertThat(mongo.findById(counter.id, Counter.class).version).isEqualTo(counter.version);
    }

    @Test
    void aChangeReturnsWhatTheDomainSaidFromTheAttemptThatWasSaved() {
        Counter counter = mongo.insert(new Counter());
        AtomicInteger attempts = new AtomicInteger();

        String said = aggregates.apply(Counter.class, counter.id, read -> {
            if (attempts.incrementAndGet() == 1) {
                anotherWriterAdds("theirs", read.id);
            }
            read.notes.add("mine");
            return "after " + String.join(",", read.notes);
        }).orElseThrow();

        assertThat(said).isEqualTo("after theirs,mine");
    }

    @Test
    void anAggregateThatDoesNotExistIsNotCreated() {
        String id = UUID.randomUUID().toString();

        assertThat(aggregates.update(Counter.class, id, read -> read.notes.add("mine"))).isEmpty();
        assertThat(mongo.findById(id, Counter.class)).isNull();
    }

    // a versioned write of another instance, between this change's read and its save
    private void anotherWriterAdds(String note, String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().push("notes", note).inc("version", 1), Counter.class);
    }
}
