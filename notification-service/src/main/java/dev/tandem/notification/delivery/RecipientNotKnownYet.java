package dev.tandem.notification.delivery;

/**
 * An event about a request whose {@code RequestSubmitted} has not arrived yet: the topics are not ordered
 * relative to each other. Thrown so that the binder delivers the event again a little later.
 */
class RecipientNotKnownYet extends RuntimeException {

    RecipientNotKnownYet(String requestId) {
        super("No recipient yet for request " + requestId + "; its RequestSubmitted has not arrived");
    }
}
