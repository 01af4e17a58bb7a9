package dev.tandem.notification.channel;

import dev.tandem.contracts.Channel;

/** How sending one message ended, after retries and fallback. */
public sealed interface Delivery {

    /** The channel that took the message, or the last one tried. */
    Channel channel();

    /** The address on that channel, masked. */
    String recipient();

    /** Provider calls made, on all channels together. */
    int attempts();

    /** Why channels failed on the way, without addresses; {@code null} when none did. */
    String failures();

    /**
     * The provider took the message.
     *
     * @param providerMessageId the provider's id for it: an SMS gateway's sid, or the email's Message-ID
     */
    record Sent(Channel channel, String recipient, String providerMessageId, int attempts, String failures)
            implements Delivery {
    }

    /** No channel took the message. */
    record Failed(Channel channel, String recipient, int attempts, String failures) implements Delivery {
    }
}
