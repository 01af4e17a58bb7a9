package dev.tandem.platform.web;

/** Answers 404: the thing asked for does not exist, or the caller may not know that it does. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String what, String id) {
        this("No " + what + " with id " + id);
    }

    /** For a message that must not repeat what the caller sent, such as a token. */
    protected ResourceNotFoundException(String message) {
        super(message);
    }
}
