package dev.tandem.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Answers 400 with each field that is wrong and why, as {@link ProblemDetailsAdvice} lists them. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; ")));
        this.errors = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
