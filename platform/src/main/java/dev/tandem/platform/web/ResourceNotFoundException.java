package dev.tandem.platform.web;

/** Answers 404: the thing asked for does not exist, or the caller may not know that it does. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String what, String id) {
        super("No " + what + " with id " + id);
    }
}
