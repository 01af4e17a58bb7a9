package dev.tandem.platform.aggregate;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The one way to change a stored aggregate: load it, let the domain apply the change, save it whole with its
 * {@code @Version} checked, and on a conflict (another writer saved it in between, or the outbox relay removed
 * published events from it) load it again and apply the change afresh, at most {@value #ATTEMPTS} times. A change
 * is therefore a function of the aggregate as stored, which may run more than once: it decides from the state
 * it is given and has no effects outside the aggregate (no sending, no writes of its own).
 * <p>
 * When every attempt conflicted it gives up with a {@link ConcurrentChangeException}: an API answers 409 and the
 * caller may try again; a Kafka consumer lets it propagate, so the binder retries the event and, after its
 * attempts, sends it to the dead-letter topic. A change the domain refuses (it throws) is not retried.
 * <p>
 * Saves go through {@link MongoTemplate#save}, so mapping events fire as for a repository's save; among them the
 * outbox's announcement of pending events. An instance whose save failed is never saved again: Spring Data has
 * moved its version on by then, so a second save of it could pass the check it failed.
 */
public class Aggregates {

    /** How often a change is applied at most: each conflict costs one read and one write. */
    public static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;

    public Aggregates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies the change to the aggregate with this id and saves it.
     *
     * @return the aggregate as saved, or empty when there is no aggregate with this id
     */
    public <T> Optional<T> update(Class<T> type, Object id, Consumer<? super T> change) {
        return change(type, id, null, aggregate -> {
            change.accept(aggregate);
            return new Outcome<>(true, aggregate);
        });
    }

    /**
     * Applies the change and saves the aggregate only when the change says it changed something.
     *
     * @return the aggregate, saved or as read, or empty when there is no aggregate with this id
     */
    public <T> Optional<T> updateIf(Class<T> type, Object id, Predicate<? super T> change) {
        return change(type, id, null, aggregate -> new Outcome<>(change.test(aggregate), aggregate));
    }

    /**
     * Applies the change, saves the aggregate and returns what the change returned, from the attempt that was saved:
     * for a domain method that says what it did, such as which reservation it released.
     *
     * @return the change's result, or empty when there is no aggregate with this id
     */
    public <T, R> Optional<R> apply(Class<T> type, Object id, Function<? super T, ? extends R> change) {
        return change(type, id, null, aggregate -> new Outcome<>(true, change.apply(aggregate)));
    }

    /**
     * Applies the change and saves the aggregate only when the change says what it did; empty means it changed
     * nothing.
     *
     * @return the change's result, or empty when it changed nothing or there is no aggregate with this id
     */
    public <T, R> Optional<R> applyIf(Class<T> type, Object id, Function<? super T, Optional<R>> change) {
        return change(type, id, null, aggregate -> {
            Optional<R> result = change.apply(aggregate);
            return new Outcome<>(result.isPresent(), result.orElse(null));
        });
    }

    /**
     * Applies the change to an aggregate already read, and saves it; only after a conflict is it read again. For a
     * caller that read the aggregate anyway, such as one of many in a query's results.
     *
     * @return the aggregate as saved
     * @throws DataRetrievalFailureException when it was deleted meanwhile
     */
    @SuppressWarnings("unchecked")
    public <T> T update(T read, Consumer<? super T> change) {
        Class<T> type = (Class<T>) read.getClass();
        Object id = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                .getIdentifierAccessor(read).getRequiredIdentifier();
        return change(type, id, read, aggregate -> {
            change.accept(aggregate);
            return new Outcome<>(true, aggregate);
        }).orElseThrow(() -> new DataRetrievalFailureException(type.getSimpleName() + " " + id
                + " was deleted while it was changed"));
    }

    // the first attempt works on what the caller read, if anything; every later one reads the aggregate again
    private <T, R> Optional<R> change(Class<T> type, Object id, T read, Function<T, Outcome<R>> change) {
        T aggregate = read;
        for (int attempt = 1; ; attempt++) {
            if (aggregate == null) {
                aggregate = mongo.findById(id, type);
                if (aggregate == null) {
                    return Optional.empty();
                }
            }
            Outcome<R> outcome = change.apply(aggregate);
            if (!outcome.save()) {
                return Optional.ofNullable(outcome.result());
            }
            try {
                mongo.save(aggregate);
                return Optional.ofNullable(outcome.result());
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt == ATTEMPTS) {
                    throw new ConcurrentChangeException(type, id, conflict);
                }
                aggregate = null;
            }
        }
    }

    private record Outcome<R>(boolean save, R result) {
    }
}
