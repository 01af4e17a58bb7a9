package dev.tandem.platform.web;

/** Answers 409: the request is valid but the resource is not in a state that allows it. */
public class StateConflictException extends RuntimeException {

    public StateConflictException(String reason) {
        super(reason);
    }
}
