package dev.tandem.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.notification.NotificationEvent;
import dev.tandem.contracts.routing.QueuePositionChanged;
import dev.tandem.contracts.routing.RequestQueued;
import dev.tandem.contracts.routing.RoutingEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type on every topic has a golden sample per schema version, {@code <Type>.v<N>.json}; today's
 * records must read every sample (compatibility), fill every field from the latest one, and ignore what they do
 * not know (tolerant reader).
 */
class GoldenSamplesTest {

    private static final Map<String, Class<? extends TandemEvent>> TOPICS = Map.of(
            Topics.INTAKE_REQUESTS, IntakeEvent.class,
            Topics.ROUTING_ASSIGNMENTS, RoutingEvent.class,
            Topics.NOTIFICATION_DELIVERIES, NotificationEvent.class,
            Topics.FEEDBACK_CHECKINS, FeedbackEvent.class);

    static Stream<Arguments> eventTypes() {
        return TOPICS.values().stream()
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses())
                        .map(type -> Arguments.of(family, type)));
    }

    /** Every golden sample: each event type in each of its schema versions. */
    static Stream<Arguments> samples() {
        return eventTypes().flatMap(arguments -> {
            Class<?> type = (Class<?>) arguments.get()[1];
            return IntStream.rangeClosed(1, latestVersion(type))
                    .mapToObj(version -> Arguments.of(arguments.get()[0], type, version));
        });
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("eventTypes")
    void everyEventTypeReadsItsLatestGoldenSampleCompletely(Class<? extends TandemEvent> family, Class<?> type)
            throws Exception {
        int latest = latestVersion(type);
        TandemEvent event = EventCodec.decode(sample(type, latest), family).orElseThrow();

        assertThat(event).isInstanceOf(type);
        assertThat(event.type()).isEqualTo(type.getSimpleName());
        assertThat(event.metadata().schemaVersion()).isEqualTo(latest);
        for (RecordComponent component : type.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(event))
                    .as("%s.%s in the golden sample v%d", type.getSimpleName(), component.getName(), latest)
                    .isNotNull();
        }
    }

    @ParameterizedTest(name = "{1} v{2}")
    @MethodSource("samples")
    void everySampleOfEveryVersionStillReads(Class<? extends TandemEvent> family, Class<?> type, int version)
            throws Exception {
        TandemEvent event = EventCodec.decode(sample(type, version), family).orElseThrow();

        assertThat(event).isInstanceOf(type);
        assertThat(event.metadata().schemaVersion()).isEqualTo(version);
    }

    @ParameterizedTest(name = "{1} v{2}")
    @MethodSource("samples")
    void unknownFieldsAreIgnored(Class<? extends TandemEvent> family, Class<?> type, int version) throws Exception {
        String sample = sample(type, version);
        String withExtras = sample.replaceFirst("\\{",
                "{\"addedInAFutureVersion\": {\"nested\": [1, 2, 3]}, \"anotherNewField\": \"x\",");

        assertThat(EventCodec.decode(withExtras, family)).isEqualTo(EventCodec.decode(sample, family));
    }

    @ParameterizedTest(name = "{1} v{2}")
    @MethodSource("samples")
    void writingAndReadingAgainGivesTheSameEvent(Class<? extends TandemEvent> family, Class<?> type, int version)
            throws Exception {
        TandemEvent event = EventCodec.decode(sample(type, version), family).orElseThrow();

        assertThat(EventCodec.decode(EventCodec.encode(event), family).<Object>map(e -> e)).hasValue(event);
        assertThat(EventCodec.encode(event)).contains("\"type\":\"" + type.getSimpleName() + "\"");
    }

    @Test
    void aQueuedEventOfTheFirstVersionReadsWithoutPositionOrEstimate() throws Exception {
        RequestQueued v1 = (RequestQueued) EventCodec.decode(sample(RequestQueued.class, 1), RoutingEvent.class)
                .orElseThrow();

        assertThat(v1.queue()).isEqualTo("billing");
        assertThat(v1.position()).isNull();
        assertThat(v1.estimatedWait()).isNull();
    }

    @Test
    void anEstimatedWaitIsWrittenAsAnIso8601Duration() throws Exception {
        QueuePositionChanged changed = (QueuePositionChanged) EventCodec.decode(sample(QueuePositionChanged.class, 1),
                RoutingEvent.class).orElseThrow();

        assertThat(changed.estimatedWait()).isEqualTo(Duration.ofMinutes(8));
        assertThat(EventCodec.encode(changed)).contains("\"estimatedWait\":\"PT8M\"");
        assertThat(EventCodec.encode(new QueuePositionChanged(changed.metadata(), "billing", "en", 4, null)))
                .contains("\"estimatedWait\":null");
    }

    @Test
    void anEventTypeThisReaderDoesNotKnowIsSkippedNotFailed() {
        String fromTheFuture = """
                {"type": "RequestTeleported", "metadata": {"eventId": "e1", "schemaVersion": 1,
                 "occurredAt": "2026-11-02T09:15:30Z", "requestId": "r1", "correlationId": "c1"}}""";

        assertThat(EventCodec.decode(fromTheFuture, IntakeEvent.class)).isEmpty();
    }

    @Test
    void aPayloadThatIsNotAnEventIsMalformed() {
        assertThatThrownBy(() -> EventCodec.decode("not json at all", IntakeEvent.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"subject\": \"no type\"}", IntakeEvent.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"type\": \"RequestSubmitted\", \"reference\": \"x\"}",
                IntakeEvent.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aSampleKeepsItsOwnWordsVerbatim() throws Exception {
        RequestSubmitted submitted = (RequestSubmitted) EventCodec.decode(sample(RequestSubmitted.class),
                IntakeEvent.class).orElseThrow();

        assertThat(submitted.description()).isEqualTo("My card statement shows two charges of 49.00 on 3 October.");
        assertThat(submitted.metadata().occurredAt()).hasToString("2026-11-02T09:15:30Z");
    }

    @Test
    void aSubmissionKeepsQuietHoursToTheMinuteInTheCustomersTimeZone() throws Exception {
        RequestSubmitted submitted = (RequestSubmitted) EventCodec.decode(sample(RequestSubmitted.class, 2),
                IntakeEvent.class).orElseThrow();

        assertThat(submitted.quietHours()).isEqualTo(
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Europe/London")));
        assertThat(EventCodec.encode(submitted))
                .contains("\"quietHours\":{\"from\":\"21:00\",\"to\":\"08:00\",\"timeZone\":\"Europe/London\"}");
    }

    @Test
    void aSubmissionFromBeforeTheEmpathyFieldsHasNoneOfThem() throws Exception {
        RequestSubmitted submitted = (RequestSubmitted) EventCodec.decode(sample(RequestSubmitted.class, 1),
                IntakeEvent.class).orElseThrow();

        assertThat(submitted.quietHours()).isNull();
        assertThat(submitted.accessibilityNotes()).isNull();
        assertThat(submitted.customerId()).isNull();
        assertThat(submitted.description()).isEqualTo("My card statement shows two charges of 49.00 on 3 October.");
    }

    private static String sample(Class<?> type) throws IOException {
        return sample(type, 1);
    }

    private static String sample(Class<?> type, int version) throws IOException {
        String name = sampleName(type, version);
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden sample %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The highest schema version with a sample; every version from 1 up to it has one. */
    private static int latestVersion(Class<?> type) {
        int version = 1;
        while (GoldenSamplesTest.class.getResource(sampleName(type, version + 1)) != null) {
            version++;
        }
        return version;
    }

    private static String sampleName(Class<?> type, int version) {
        return "/events/" + type.getSimpleName() + ".v" + version + ".json";
    }
}
