package dev.tandem.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of Tandem's events. Readers are tolerant: unknown properties are ignored, and an
 * event type this reader does not know yields {@link Optional#empty()} so that a newer producer does not
 * break an older consumer. Anything else that cannot be read is a {@link MalformedEventException}.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventCodec() {
    }

    public static String encode(TandemEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /**
     * Reads an event of one topic's family.
     *
     * @param family the topic's sealed interface, such as {@code RoutingEvent.class}
     * @return the event, or empty when its type is not one this reader knows
     * @throws MalformedEventException when the payload is not a readable event
     */
    public static <E extends TandemEvent> Optional<E> decode(byte[] payload, Class<E> family) {
        E event;
        try {
            event = MAPPER.readValue(payload, family);
        } catch (InvalidTypeIdException e) {
            if (e.getTypeId() != null && !e.getTypeId().isBlank()) {
                return Optional.empty();
            }
            throw new MalformedEventException(family.getSimpleName() + " without a type", e);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("Not a readable " + family.getSimpleName() + ": " + e.getMessage(), e);
        }
        if (event != null && event.metadata() == null) {
            throw new MalformedEventException(family.getSimpleName() + " without metadata", null);
        }
        return Optional.ofNullable(event);
    }

    public static <E extends TandemEvent> Optional<E> decode(String payload, Class<E> family) {
        return decode(payload.getBytes(StandardCharsets.UTF_8), family);
    }
}
