package dev.tandem.contracts;

/**
 * Kafka topic names. One topic per producing service and aggregate, keyed by request id so that
 * all events of one request keep their order. A breaking change gets a new {@code .vN} topic.
 */
public final class Topics {

    /** Published by intake-service: {@link dev.tandem.contracts.intake.IntakeEvent}. */
    public static final String INTAKE_REQUESTS = "tandem.intake.requests.v1";

    /** Published by routing-service: {@link dev.tandem.contracts.routing.RoutingEvent}. */
    public static final String ROUTING_ASSIGNMENTS = "tandem.routing.assignments.v1";

    /** Published by notification-service: {@link dev.tandem.contracts.notification.NotificationEvent}. */
    public static final String NOTIFICATION_DELIVERIES = "tandem.notification.deliveries.v1";

    /** Published by feedback-service: {@link dev.tandem.contracts.feedback.FeedbackEvent}. */
    public static final String FEEDBACK_CHECKINS = "tandem.feedback.checkins.v1";

    private Topics() {
    }
}
