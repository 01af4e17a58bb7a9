package dev.tandem.platform.outbox;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends one outbox entry to its topic and returns only once the broker has it (the binder's producers are
 * synchronous with {@code acks=all}). Headers follow the CloudEvents Kafka binding so that operators can
 * filter by {@code ce_type} without reading payloads. The relay calls it from several threads at once: each
 * call waits for its own acknowledgement only.
 */
class EventPublisher {

    private final StreamBridge streamBridge;
    private final String source;

    EventPublisher(StreamBridge streamBridge, String source) {
        this.streamBridge = streamBridge;
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
        if (!streamBridge.send(entry.topic(), message)) {
            throw new IllegalStateException("Kafka did not take event " + entry.eventId() + " for " + entry.topic());
        }
    }
}
