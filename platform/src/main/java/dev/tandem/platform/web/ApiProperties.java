package dev.tandem.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every Tandem API keeps.
 *
 * @param maxBodySize the largest request body accepted (up to 2GB), form posts included; a larger one is answered
 *                    413 before it is read
 */
@ConfigurationProperties("tandem.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxBodySize) {

    public ApiProperties {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("tandem.api.max-body-size must be between 1 byte and 2 GB");
        }
    }
}
