package dev.tandem.feedback.checkin;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The check-in API's own problem: an expired link. The platform answers the rest (validation; 404 for an
 * invalid link, which is a {@code ResourceNotFoundException}; 409 when already answered).
 */
@RestControllerAdvice(assignableTypes = CheckInController.class)
class CheckInProblems {

    static final URI EXPIRED = URI.create("https://tandem.dev/problems/check-in-expired");

    @ExceptionHandler
    ProblemDetail expired(CheckInExpiredException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
        problem.setType(EXPIRED);
        problem.setTitle("Check-in expired");
        return problem;
    }
}
