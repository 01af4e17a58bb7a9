package dev.tandem.contracts.feedback;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tandem.contracts.TandemEvent;

/** Events on {@link dev.tandem.contracts.Topics#FEEDBACK_CHECKINS}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(CheckInIssued.class), @JsonSubTypes.Type(FeedbackReceived.class)})
public sealed interface FeedbackEvent extends TandemEvent permits CheckInIssued, FeedbackReceived {
}
