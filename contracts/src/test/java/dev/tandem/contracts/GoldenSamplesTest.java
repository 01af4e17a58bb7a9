package dev.tandem.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.contracts.feedback.FeedbackEvent;
import dev.tandem.contracts.intake.IntakeEvent;
import dev.tandem.contracts.intake.QuietHours;
import dev.tandem.contracts.intake.RequestSubmitted;
import dev.tandem.contracts.notification.NotificationEvent;
import dev.tandem.contracts.routing.RoutingEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type on every topic has a golden sample per schema version; today's records must read
 * every sample (compatibility) and ignore what they do not know (tolerant reader). A sample grows when its
 * type gains an optional field; the shape before that stays under {@code events/earlier/} and must still read.
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

    @ParameterizedTest(name = "{1}")
    @MethodSource("eventTypes")
    void everyEventTypeReadsItsGoldenSampleCompletely(Class<? extends TandemEvent> family, Class<?> type)
            throws Exception {
        TandemEvent event = EventCodec.decode(sample(type), family).orElseThrow();

        assertThat(event).isInstanceOf(type);
        assertThat(event.type()).isEqualTo(type.getSimpleName());
        assertThat(event.metadata().schemaVersion()).isEqualTo(1);
        for (RecordComponent component : type.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(event))
                    .as("%s.%s in the golden sample", type.getSimpleName(), component.getName())
                    .isNotNull();
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("eventTypes")
    void unknownFieldsAreIgnored(Class<? extends TandemEvent> family, Class<?> type) throws Exception {
        String sample = sample(type);
        String withExtras = sample.replaceFirst("\\{",
                "{\"addedInAFutureVersion\": {\"nested\": [1, 2, 3]}, \"anotherNewField\": \"x\",");

        assertThat(EventCodec.decode(withExtras, family)).isEqualTo(EventCodec.decode(sample, family));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("eventTypes")
    void writingAndReadingAgainGivesTheSameEvent(Class<? extends TandemEvent> family, Class<?> type)
            throws Exception {
        TandemEvent event = EventCodec.decode(sample(type), family).orElseThrow();

        assertThat(EventCodec.decode(EventCodec.encode(event), family).<Object>map(e -> e)).hasValue(event);
        assertThat(EventCodec.encode(event)).contains("\"type\":\"" + type.getSimpleName() + "\"");
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
        RequestSubmitted submitted = (RequestSubmitted) EventCodec.decode(sample(RequestSubmitted.class),
                IntakeEvent.class).orElseThrow();

        assertThat(submitted.quietHours()).isEqualTo(
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Europe/London")));
        assertThat(EventCodec.encode(submitted))
                .contains("\"quietHours\":{\"from\":\"21:00\",\"to\":\"08:00\",\"timeZone\":\"Europe/London\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("earlierShapes")
    void everyEarlierShapeOfAnEventStillReads(String name) throws Exception {
        String typeName = name.substring(0, name.indexOf('.'));
        Arguments eventType = eventTypes()
                .filter(candidate -> ((Class<?>) candidate.get()[1]).getSimpleName().equals(typeName))
                .findFirst().orElseThrow(() -> new AssertionError("no event type " + typeName));
        @SuppressWarnings("unchecked")
        var family = (Class<? extends TandemEvent>) eventType.get()[0];

        assertThat(EventCodec.decode(resource("/events/earlier/" + name), family)).get()
                .isInstanceOf((Class<?>) eventType.get()[1]);
    }

    @Test
    void aSubmissionFromBeforeTheEmpathyFieldsHasNoneOfThem() throws Exception {
        RequestSubmitted submitted = (RequestSubmitted) EventCodec.decode(
                resource("/events/earlier/RequestSubmitted.v1.json"), IntakeEvent.class).orElseThrow();

        assertThat(submitted.quietHours()).isNull();
        assertThat(submitted.accessibilityNotes()).isNull();
        assertThat(submitted.description()).isEqualTo("My card statement shows two charges of 49.00 on 3 October.");
    }

    static Stream<String> earlierShapes() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(GoldenSamplesTest.class.getResource("/events/earlier").toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static String sample(Class<?> type) throws IOException {
        return resource("/events/" + type.getSimpleName() + ".v1.json");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden sample %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
