package dev.tandem.feedback.checkin;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The check-in API's own problems, next to the platform's (validation, 404, 409). */
@RestControllerAdvice(assignableTypes = CheckInController.class)
class CheckInProblems {

    static final URI EXPIRED = URI.create("https://tandem.dev/problems/check-in-expired");
    /** The platform's type for anything that is not there. */
    static final URI NOT_FOUND = URI.create("https://tandem.dev/problems/not-found");

    @ExceptionHandler
    ProblemDetail expired(CheckInExpiredException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
        problem.setType(EXPIRED);
        problem.setTitle("Check-in expired");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidLink(InvalidCheckInLinkException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setType(NOT_FOUND);
        return problem;
    }
}
