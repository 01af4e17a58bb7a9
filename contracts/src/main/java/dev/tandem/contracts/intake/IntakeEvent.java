package dev.tandem.contracts.intake;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tandem.contracts.TandemEvent;

/** Events on {@link dev.tandem.contracts.Topics#INTAKE_REQUESTS}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(RequestSubmitted.class), @JsonSubTypes.Type(DetailsAdded.class),
        @JsonSubTypes.Type(RequestWithdrawn.class), @JsonSubTypes.Type(RequestReopened.class)})
public sealed interface IntakeEvent extends TandemEvent
        permits RequestSubmitted, DetailsAdded, RequestWithdrawn, RequestReopened {
}
