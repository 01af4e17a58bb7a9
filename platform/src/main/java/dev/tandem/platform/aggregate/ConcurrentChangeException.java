package dev.tandem.platform.aggregate;

import dev.tandem.platform.web.StateConflictException;

/**
 * {@link Aggregates} gave up: every attempt to apply a change conflicted with another writer. An API answers 409,
 * and the caller may try again; a consumer lets it propagate to the binder's retries and dead-letter topic.
 */
public class ConcurrentChangeException extends StateConflictException {

    ConcurrentChangeException(Class<?> type, Object id, Throwable lastConflict) {
        super(type.getSimpleName() + " " + id + " was changed by others " + Aggregates.ATTEMPTS
                + " times in a row while this change was applied; try again");
        initCause(lastConflict);
    }
}
