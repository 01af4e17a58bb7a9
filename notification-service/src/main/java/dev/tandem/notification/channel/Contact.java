package dev.tandem.notification.channel;

import dev.tandem.contracts.Channel;

/**
 * How to reach one customer.
 *
 * @param phone E.164 number, or {@code null} when the customer gave none
 */
public record Contact(String name, String email, String phone, Channel preferredChannel) {

    /** The customer's address on a channel, or {@code null} when they have none there. */
    public String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
        };
    }

    boolean reachableBy(Channel channel) {
        String address = address(channel);
        return address != null && !address.isBlank();
    }

    /** Never the addresses in clear: a contact that ends up in a log line must not leak them. */
    @Override
    public String toString() {
        return "Contact[email=" + Masking.email(email) + ", phone=" + Masking.phone(phone) + ", preferredChannel="
                + preferredChannel + "]";
    }
}
