package dev.tandem.notification.channel;

import dev.tandem.contracts.Channel;
import java.util.List;

/**
 * The channels to try, in order: the customer's preferred one first, then the other one as a fallback when
 * the customer can be reached there. Everyone has an email address; only customers who gave a phone number
 * can get an SMS.
 */
final class ChannelPlan {

    private ChannelPlan() {
    }

    static List<Channel> forContact(Contact contact) {
        boolean sms = contact.reachableBy(Channel.SMS);
        boolean email = contact.reachableBy(Channel.EMAIL);
        if (contact.preferredChannel() == Channel.SMS && sms) {
            return email ? List.of(Channel.SMS, Channel.EMAIL) : List.of(Channel.SMS);
        }
        if (!email) {
            return sms ? List.of(Channel.SMS) : List.of();
        }
        return sms ? List.of(Channel.EMAIL, Channel.SMS) : List.of(Channel.EMAIL);
    }
}
