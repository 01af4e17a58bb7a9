package dev.tandem.intake.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a customer sends to act on their own request. */
final class CustomerActions {

    private CustomerActions() {
    }

    /**
     * More about an open request.
     *
     * @param text the customer's words; kept verbatim
     */
    record AddDetails(@NotBlank @Size(max = 10_000) String text) {
    }

    /**
     * Withdrawing an open request.
     *
     * @param reason optional; the customer's words, kept verbatim
     */
    record Withdraw(@Size(max = 2_000) String reason) {
    }

    /**
     * Reopening a resolved request.
     *
     * @param reason what is still wrong; kept verbatim
     */
    record Reopen(@NotBlank @Size(max = 2_000) String reason) {
    }
}
