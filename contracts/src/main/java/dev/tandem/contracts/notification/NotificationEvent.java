package dev.tandem.contracts.notification;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tandem.contracts.TandemEvent;

/** Events on {@link dev.tandem.contracts.Topics#NOTIFICATION_DELIVERIES}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(CustomerNotified.class), @JsonSubTypes.Type(NotificationFailed.class)})
public sealed interface NotificationEvent extends TandemEvent permits CustomerNotified, NotificationFailed {
}
