package dev.tandem.feedback.checkin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A customer's answer to a check-in, from the API's JSON or the page's form.
 *
 * @param csat    how satisfied they are, 1 (very dissatisfied) to 5 (very satisfied)
 * @param comment optional, in their own words
 */
record AnswerCheckIn(
        @NotNull(message = "is required") @Min(value = 1, message = "must be from 1 to 5")
        @Max(value = 5, message = "must be from 1 to 5") Integer csat,
        @Size(max = 2000, message = "must be at most 2000 characters") String comment) {
}
