package dev.tandem.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.StringUtils;

/**
 * Sends one outbox entry to its topic and returns only once the broker has it (the binder's producers are
 * synchronous with {@code acks=all}). Headers follow the CloudEvents Kafka binding so that operators can
 * filter by {@code ce_type} without reading payloads. The relay calls it from several threads at once: each
 * call waits for its own acknowledgement only.
 *
 * <p>Each topic a service publishes to is an output binding declared in its {@code application.yaml}
 * ({@code spring.cloud.stream.output-bindings}, each with its destination under {@code bindings.<name>}), so its
 * topics are listed there beside the ones it consumes, and the binding's producer settings apply. A send goes
 * straight to the binding's channel rather than through {@code StreamBridge}: the payload is JSON already, and
 * {@code StreamBridge} runs every conversion under one lock, which the relay's publisher threads would queue for.
 */
class EventPublisher {

    private final BeanFactory beans;
    private final String source;
    // the declared output binding that sends to each topic
    private final Map<String, String> bindingOfTopic;
    private final Map<String, MessageChannel> channels = new ConcurrentHashMap<>();

    EventPublisher(BindingServiceProperties bindings, BeanFactory beans, String source) {
        this.beans = beans;
        this.source = source;
        String declared = bindings.getOutputBindings();
        this.bindingOfTopic = !StringUtils.hasText(declared) ? Map.of() : Arrays.stream(declared.split(";"))
                .map(String::strip)
                .collect(Collectors.toUnmodifiableMap(bindings::getBindingDestination, Function.identity()));
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
        if (!channels.computeIfAbsent(entry.topic(), this::channel).send(message)) {
            throw new IllegalStateException("Kafka did not take event " + entry.eventId() + " for " + entry.topic());
        }
    }

    private MessageChannel channel(String topic) {
        String binding = bindingOfTopic.get(topic);
        if (binding == null) {
            throw new IllegalStateException("No output binding sends to " + topic + ": declare one in "
                    + "spring.cloud.stream.output-bindings, with " + topic + " as its destination");
        }
        return beans.getBean(binding, MessageChannel.class);
    }
}
