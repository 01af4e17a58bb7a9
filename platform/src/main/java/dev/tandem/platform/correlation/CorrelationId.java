package dev.tandem.platform.correlation;

import dev.tandem.contracts.TandemEvent;
import dev.tandem.contracts.RandomIds;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id of the work in hand, kept in the logging context so that every log line and every
 * event produced on the way carries the id of the API call that started it.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    static final String MDC_KEY = "correlationId";
    static final String REQUEST_MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    /** The current correlation id, or a fresh one when no work is in hand. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : RandomIds.uuid();
    }

    /** A caller-supplied id if it is safe to log and pass on, else a fresh one. */
    static String acceptOrCreate(String supplied) {
        return supplied != null && ACCEPTABLE.matcher(supplied).matches() ? supplied : RandomIds.uuid();
    }

    /** Puts an event's correlation and request id in the logging context until the scope is closed. */
    public static Scope of(TandemEvent event) {
        return open(event.metadata().correlationId(), event.requestId());
    }

    static Scope open(String correlationId, String requestId) {
        MDC.put(MDC_KEY, acceptOrCreate(correlationId));
        if (requestId != null) {
            MDC.put(REQUEST_MDC_KEY, requestId);
        }
        return () -> {
            MDC.remove(MDC_KEY);
            MDC.remove(REQUEST_MDC_KEY);
        };
    }

    /** A logging-context scope; closing it takes the ids out again. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
