package dev.tandem.platform.inbox;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the inbox remembers which events each consumer has handled.
 *
 * @param retention       how long the id of a handled event is kept: a redelivery within it is skipped, one after
 *                        it handled again. Keep it longer than any event can come back (a consumer far behind, a
 *                        dead-letter topic replayed); whole seconds, as MongoDB's TTL index counts them
 * @param cleanupInterval how often ids older than the retention are removed by the service itself, for stores
 *                        that do not expire them (MongoDB does, through a TTL index)
 */
@Validated
@ConfigurationProperties("tandem.inbox")
public record InboxProperties(@DefaultValue("30d") @DurationMin(seconds = 1) Duration retention,
                              @DefaultValue("1h") @DurationMin(millis = 1) Duration cleanupInterval) {
}
