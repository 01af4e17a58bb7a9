package dev.tandem.notification.channel;

/**
 * A provider did not take a message, for a reason that may pass (a timeout, a 5xx answer): worth retrying,
 * and a sign of an unhealthy channel for its circuit breaker. The message is written by us and never holds the
 * customer's address or a credential, so that it can be logged and stored as the failure reason.
 */
class DeliveryFailure extends RuntimeException {

    DeliveryFailure(String reason) {
        // no cause and no stack trace: providers' own messages may quote the address we sent to
        super(reason, null, false, false);
    }
}
