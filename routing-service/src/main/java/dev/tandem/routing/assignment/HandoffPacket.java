package dev.tandem.routing.assignment;

import dev.tandem.contracts.Channel;
import dev.tandem.contracts.intake.QuietHours;
import java.time.Instant;
import java.util.List;

/**
 * Everything the next owner of a request needs so that the customer does not have to explain it all again: what the
 * problem is and what was tried, what the customer was promised and by when, what they said in their own words, how
 * to talk to them, and who had it before. The owner who hands it over writes the summary and the steps; routing adds
 * what it knows of the request.
 *
 * @param summary            the problem, in the handing owner's words; for a request whose owner left, routing's
 *                           own account
 * @param stepsTried         what was tried already, in order
 * @param promises           what the customer was promised, each with the time it is due
 * @param customerWords      the customer's own words, verbatim, as they submitted them
 * @param language           the customer's language tag
 * @param accessibilityNotes what the customer asked us to bear in mind, in their words; null when they gave none
 * @param preferences        how they want to hear from us
 * @param owners             who owned it before, oldest first
 */
record HandoffPacket(String summary, List<String> stepsTried, List<Promise> promises, String customerWords,
                     String language, String accessibilityNotes, Preferences preferences, List<OwnerSpell> owners) {

    HandoffPacket {
        stepsTried = stepsTried == null ? List.of() : List.copyOf(stepsTried);
        promises = promises == null ? List.of() : List.copyOf(promises);
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    /**
     * A promise made to the customer.
     *
     * @param promise what was promised, in words
     * @param by      when it is due
     */
    record Promise(String promise, Instant by) {
    }

    /**
     * How the customer wants to hear from us.
     *
     * @param channel    the channel they chose
     * @param quietHours when they do not want to be contacted; null when they gave none
     */
    record Preferences(Channel channel, QuietHours quietHours) {
    }

    /**
     * A time an agent owned the request.
     *
     * @param until null while they own it
     */
    record OwnerSpell(String agentId, String name, Instant from, Instant until) {

        OwnerSpell endedAt(Instant at) {
            return new OwnerSpell(agentId, name, from, at);
        }
    }
}
