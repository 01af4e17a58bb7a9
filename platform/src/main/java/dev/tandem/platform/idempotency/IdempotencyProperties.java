package dev.tandem.platform.idempotency;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the {@code Idempotency-Key} store; how long an answer is kept for retries is part of the API's
 * promise ({@link IdempotencyKeys#RETENTION}), not a setting.
 *
 * @param cleanupInterval how often expired keys are removed by the service itself, for stores that do not expire
 *                        them (MongoDB does, through a TTL index)
 */
@Validated
@ConfigurationProperties("tandem.idempotency")
public record IdempotencyProperties(@DefaultValue("1h") @DurationMin(millis = 1) Duration cleanupInterval) {
}
