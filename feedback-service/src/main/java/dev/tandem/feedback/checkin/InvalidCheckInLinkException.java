package dev.tandem.feedback.checkin;

import dev.tandem.platform.web.ResourceNotFoundException;

/**
 * Answers 404: the link's token is malformed, its signature is not ours, or it names no check-in. The three
 * look the same from outside, so that nobody can probe which ids exist; the message never repeats the token.
 */
class InvalidCheckInLinkException extends ResourceNotFoundException {

    InvalidCheckInLinkException() {
        super("This check-in link is not valid");
    }
}
