package dev.tandem.routing.assignment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of routing; their defaults and meaning are documented in {@code application.yaml}.
 *
 * @param offerTimeout     how long an agent has to accept or decline an offer
 * @param reservationGrace age after which a slot reservation with no offer or assignment behind it is reclaimed
 * @param queue            how waiting requests learn their position and estimated wait
 */
@ConfigurationProperties("tandem.routing")
record RoutingProperties(Duration offerTimeout, Duration reservationGrace, Queue queue) {

    /**
     * @param updateInterval the least time between two {@code QueuePositionChanged} of one request
     * @param sampleSize     how many of its line's latest accepted requests a wait is estimated from, at most
     * @param sampleWindow   how long ago those may have been accepted, at most
     * @param reloadInterval how often an instance reads every request without an owner again, to learn what
     *                       other instances changed
     */
    record Queue(Duration updateInterval, int sampleSize, Duration sampleWindow, Duration reloadInterval) {
    }
}
