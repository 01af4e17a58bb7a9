package dev.tandem.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Makes Kafka's producer benchmark send records the way the outbox relay does: keyed by a request id (a random
 * UUID, so records spread over the partitions as ours do), with the headers ours carry: the CloudEvents ones and
 * those the Spring Cloud Stream binder adds. The benchmark itself sends unkeyed records without headers. Set with
 * {@code interceptor.classes} in the producer properties.
 */
public class RequestKeyInterceptor implements ProducerInterceptor<byte[], byte[]> {

    private static final byte[] SPEC_VERSION = bytes("1.0");
    private static final byte[] CONTENT_TYPE = bytes("application/json");
    private static final byte[] TYPE = bytes("RequestSubmitted");
    private static final byte[] SOURCE = bytes("/tandem/intake-service");
    private static final byte[] MESSAGE_TYPE = bytes("cloudevent");
    private static final byte[] HEADER_TYPES = bytes("{\"ce_type\":\"java.lang.String\","
            + "\"ce_source\":\"java.lang.String\","
            + "\"message-type\":\"java.lang.String\",\"ce_specversion\":\"java.lang.String\","
            + "\"ce_time\":\"java.lang.String\",\"ce_id\":\"java.lang.String\",\"contentType\":\"java.lang.String\"}");

    @Override
    public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("contentType", CONTENT_TYPE);
        headers.add("ce_specversion", SPEC_VERSION);
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", TYPE);
        headers.add("ce_source", SOURCE);
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("message-type", MESSAGE_TYPE);
        headers.add("spring_json_header_types", HEADER_TYPES);
        return new ProducerRecord<>(record.topic(), null, null, bytes(UUID.randomUUID().toString()), record.value(),
                headers);
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
