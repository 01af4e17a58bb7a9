package dev.tandem.contracts.routing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tandem.contracts.TandemEvent;

/** Events on {@link dev.tandem.contracts.Topics#ROUTING_ASSIGNMENTS}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(RequestQueued.class),
        @JsonSubTypes.Type(QueuePositionChanged.class),
        @JsonSubTypes.Type(RequestOffered.class),
        @JsonSubTypes.Type(OfferDeclined.class),
        @JsonSubTypes.Type(RequestAssigned.class),
        @JsonSubTypes.Type(NextUpdatePromised.class),
        @JsonSubTypes.Type(RequestResolved.class),
        @JsonSubTypes.Type(RequestEscalated.class),
        @JsonSubTypes.Type(HandoffOffered.class),
        @JsonSubTypes.Type(TransferDeclined.class),
        @JsonSubTypes.Type(RequestTransferred.class),
        @JsonSubTypes.Type(RequestReleased.class)})
public sealed interface RoutingEvent extends TandemEvent
        permits RequestQueued, QueuePositionChanged, RequestOffered, OfferDeclined, RequestAssigned, NextUpdatePromised,
        RequestResolved, RequestEscalated, HandoffOffered, TransferDeclined, RequestTransferred, RequestReleased {
}
