package dev.tandem.intake.request;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake's settings.
 *
 * @param reopenWindow how long after its resolution a customer may reopen a request; later, they are asked to
 *                     submit a new one
 */
@ConfigurationProperties("tandem.intake")
record IntakeProperties(@DefaultValue("14d") Duration reopenWindow) {
}
