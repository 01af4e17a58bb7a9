package dev.tandem.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay.
 *
 * @param enabled      whether this instance relays at all
 * @param pollInterval pause between two relay runs
 * @param lease        how long one instance may hold the relay before another can take over
 * @param batchSize    documents read per collection per run
 */
@ConfigurationProperties("tandem.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("100ms") Duration pollInterval,
                               @DefaultValue("10s") Duration lease,
                               @DefaultValue("100") int batchSize) {
}
