package dev.tandem.platform.web;

/**
 * One thing wrong with a request, as listed in a problem detail's {@code errors} property.
 *
 * @param field  the JSON path of the field, such as {@code customer.email}
 * @param reason what is wrong with it, in words a developer can act on
 */
public record FieldError(String field, String reason) {
}
