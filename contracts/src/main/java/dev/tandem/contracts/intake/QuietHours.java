package dev.tandem.contracts.intake;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When the customer does not want to hear from us, in their own time zone. The span may cross midnight:
 * {@code 21:00} to {@code 08:00} is the night.
 *
 * @param from     the local time quiet begins, to the minute ({@code HH:mm})
 * @param to       the local time quiet ends, to the minute; never equal to {@code from}
 * @param timeZone the customer's IANA time zone, such as {@code Europe/Berlin}
 */
public record QuietHours(@JsonFormat(pattern = "HH:mm") LocalTime from,
                         @JsonFormat(pattern = "HH:mm") LocalTime to,
                         ZoneId timeZone) {
}
