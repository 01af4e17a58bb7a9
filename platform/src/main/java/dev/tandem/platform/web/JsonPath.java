package dev.tandem.platform.web;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;

/**
 * Paths into a JSON body as {@link FieldError#field()} shows them: {@code customer.email}, {@code tags[2]}, and
 * {@code labels["a.b"]} for a key that is not a plain name.
 */
final class JsonPath {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_$-]+");

    private JsonPath() {
    }

    /** The path of the value or key a parser is at. */
    static String at(JsonParser parser) {
        TokenStreamContext context = parser.streamReadContext();
        if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
            context = context.getParent();
        }
        return of(context.pathAsPointer());
    }

    static String of(List<JacksonException.Reference> references) {
        JsonPointer pointer = JsonPointer.empty();
        for (JacksonException.Reference reference : references) {
            pointer = reference.getPropertyName() != null ? pointer.appendProperty(reference.getPropertyName())
                    : pointer.appendIndex(reference.getIndex());
        }
        return of(pointer);
    }

    static String of(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer segment = pointer; !segment.matches(); segment = segment.tail()) {
            String name = segment.getMatchingProperty();
            if (segment.mayMatchElement() && String.valueOf(segment.getMatchingIndex()).equals(name)) {
                path.append('[').append(segment.getMatchingIndex()).append(']');
            } else if (PLAIN.matcher(name).matches()) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            } else {
                path.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
            }
        }
        return path.toString();
    }
}
