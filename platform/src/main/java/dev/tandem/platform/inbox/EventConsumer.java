package dev.tandem.platform.inbox;

import dev.tandem.contracts.TandemEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * A Kafka consumer of one topic, built by {@link EventInbox#consumer}: it reads each message as an event of the
 * topic's family and hands it, at most once, to the handler for its type. A consumer built with
 * {@link #on(Class, Consumer)} handles only the types it names; the inbox does not even look up the others, so
 * a new event type on a topic changes nothing for a consumer that does not care about it. Declare it as the
 * {@code Consumer<Message<byte[]>>} bean of an input binding.
 *
 * @param <E> the topic's sealed event interface
 */
public final class EventConsumer<E extends TandemEvent> implements Consumer<Message<byte[]>> {

    private final EventInbox inbox;
    private final String name;
    private final Class<E> family;
    // the handler of every type, or null when handlers are by type
    private final Consumer<? super E> everyType;
    private final Map<Class<?>, Consumer<? super E>> byType;

    EventConsumer(EventInbox inbox, String name, Class<E> family, Consumer<? super E> everyType,
                  Map<Class<?>, Consumer<? super E>> byType) {
        this.inbox = inbox;
        this.name = name;
        this.family = family;
        this.everyType = everyType;
        this.byType = Map.copyOf(byType);
    }

    /** This consumer, handling events of one more type as well. */
    @SuppressWarnings("unchecked")
    public <T extends E> EventConsumer<E> on(Class<T> type, Consumer<? super T> handler) {
        if (everyType != null) {
            throw new IllegalStateException(name + " hands every event type to one handler already");
        }
        if (byType.containsKey(type)) {
            throw new IllegalArgumentException(name + " has a handler for " + type.getSimpleName() + " already");
        }
        Map<Class<?>, Consumer<? super E>> more = new LinkedHashMap<>(byType);
        more.put(type, event -> handler.accept((T) event));
        return new EventConsumer<>(inbox, name, family, null, more);
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbox.receive(name, message, family, this::handlerFor);
    }

    // the event types are records, so an event's class is the very type a handler was given for
    private Consumer<? super E> handlerFor(E event) {
        return everyType != null ? everyType : byType.get(event.getClass());
    }
}
