package dev.tandem.notification.channel;

/**
 * An SMS provider. Implementations throw {@link DeliveryFailure} when a retry may help and
 * {@link DeliveryRejected} when it cannot.
 */
interface SmsGateway {

    /**
     * Hands one text to the provider.
     *
     * @param to E.164 number
     * @return the provider's id for the message
     */
    String send(String to, String text);
}
