package dev.tandem.contracts;

/** A payload on a Tandem topic that cannot be read as an event: a poison message. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
