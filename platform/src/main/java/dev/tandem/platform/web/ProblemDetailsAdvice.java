package dev.tandem.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Every error of every Tandem API as RFC 9457 problem details. Validation failures list each field and
 * what is wrong with it in an {@code errors} property, so that a front end can show them next to the input.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("https://tandem.dev/problems/invalid-request");
    static final URI NOT_FOUND = URI.create("https://tandem.dev/problems/not-found");
    static final URI CONFLICT = URI.create("https://tandem.dev/problems/conflict");
    static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("https://tandem.dev/problems/unsupported-media-type");
    static final URI PAYLOAD_TOO_LARGE = URI.create("https://tandem.dev/problems/payload-too-large");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalid(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (ex.getCause() instanceof DatabindException bad) {
            Optional<FieldError> error = JsonProblems.of(bad);
            if (error.isPresent()) {
                return invalid(List.of(error.get()), headers);
            }
            return badRequest(JsonProblems.expectedBody(bad), headers);
        }
        if (ex.getCause() instanceof StreamReadException malformed && malformed.getLocation() != null
                && malformed.getLocation().getLineNr() > 0) {
            return badRequest("The body is not valid JSON at line %d, column %d".formatted(
                    malformed.getLocation().getLineNr(), malformed.getLocation().getColumnNr()), headers);
        }
        return badRequest(ex.getCause() == null ? "The request has no body" : "The body is not valid JSON", headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        List<MediaType> accepted = ex.getSupportedMediaTypes();
        String send = accepted.contains(MediaType.APPLICATION_JSON) ? MediaType.APPLICATION_JSON_VALUE
                : accepted.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, sent == null
                ? "The request has no Content-Type; send " + send
                : "Content-Type " + sent + " is not accepted here; send " + send);
        problem.setType(UNSUPPORTED_MEDIA_TYPE);
        problem.setTitle("Unsupported media type");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> handleInvalidRequest(InvalidRequestException ex) {
        return invalid(ex.errors(), HttpHeaders.EMPTY);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalid(errors, headers);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()),
                        violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalid(errors, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ProblemDetail handleNotFound(ResourceNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setType(NOT_FOUND);
        return problem;
    }

    @ExceptionHandler(StateConflictException.class)
    ProblemDetail handleConflict(StateConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(CONFLICT);
        return problem;
    }

    private static ResponseEntity<Object> invalid(List<FieldError> errors, HttpHeaders headers) {
        String detail = errors.stream().map(error -> error.field() + " " + error.reason())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static ResponseEntity<Object> badRequest(String detail, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
