package dev.tandem.routing.assignment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of routing; their defaults and meaning are documented in {@code application.yaml}.
 *
 * @param offerTimeout     how long an agent has to accept or decline an offer
 * @param reservationGrace age after which a slot reservation with no offer or assignment behind it is reclaimed
 */
@ConfigurationProperties("tandem.routing")
record RoutingProperties(Duration offerTimeout, Duration reservationGrace) {
}
