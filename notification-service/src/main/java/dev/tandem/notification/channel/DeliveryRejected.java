package dev.tandem.notification.channel;

/**
 * A provider refused a message for good, such as an SMS gateway that calls the number invalid. Retrying
 * cannot help and says nothing about the channel's health, so neither the retry nor the circuit breaker count
 * it (see {@code application.yaml}); the other channel may still reach the customer.
 */
class DeliveryRejected extends DeliveryFailure {

    DeliveryRejected(String reason) {
        super(reason);
    }
}
