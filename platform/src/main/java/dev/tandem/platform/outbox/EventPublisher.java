package dev.tandem.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.messaging.DirectWithAttributesChannel;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends one outbox entry to its topic and returns only once the broker has it (the binder's producers are
 * synchronous with {@code acks=all}). Headers follow the CloudEvents Kafka binding so that operators can
 * filter by {@code ce_type} without reading payloads. The relay calls it from several threads at once: each
 * call waits for its own acknowledgement only.
 *
 * <p>Each topic gets one output binding of the Kafka binder, bound the first time an event goes there, the way
 * {@code StreamBridge} binds a destination; the binding's producer settings ({@code spring.cloud.stream.kafka
 * .default.producer}, or those of a binding named after the topic) apply. Unlike {@code StreamBridge}, a send goes
 * straight to the bound channel: the payload is already JSON, so there is nothing to convert, and {@code
 * StreamBridge} runs every conversion under one lock, which the relay's publisher threads would queue for.
 */
class EventPublisher implements AutoCloseable {

    private final BindingService bindings;
    private final ApplicationContext context;
    private final String source;
    private final Map<String, MessageChannel> channels = new ConcurrentHashMap<>();

    EventPublisher(BindingService bindings, ApplicationContext context, String source) {
        this.bindings = bindings;
        this.context = context;
        this.source = source;
    }

    void publish(OutboxEntry entry) {
        Message<byte[]> message = MessageBuilder.withPayload(entry.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, entry.key())
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader("ce_specversion", "1.0")
                .setHeader("ce_id", entry.eventId())
                .setHeader("ce_type", entry.type())
                .setHeader("ce_source", source)
                .setHeader("ce_time", entry.occurredAt().toString())
                .build();
        if (!channels.computeIfAbsent(entry.topic(), this::bind).send(message)) {
            throw new IllegalStateException("Kafka did not take event " + entry.eventId() + " for " + entry.topic());
        }
    }

    // an output binding for the topic, listed with the others (actuator/bindings) until close
    private MessageChannel bind(String topic) {
        DirectWithAttributesChannel channel = new DirectWithAttributesChannel();
        channel.setApplicationContext(context);
        channel.setComponentName(topic);
        bindings.bindProducer(channel, topic);
        return channel;
    }

    /** Unbinds the topics' producers; the relay has stopped sending by then (it stops before beans are closed). */
    @Override
    public void close() {
        channels.keySet().forEach(topic -> bindings.unbindProducers(null, topic));
        channels.clear();
    }
}
