package dev.tandem.local;

import java.util.List;

/** Just enough JSON writing for the tools server: flat objects of strings and numbers, and arrays of them. */
final class Json {

    private final StringBuilder out = new StringBuilder("{");

    private Json() {
    }

    static Json object() {
        return new Json();
    }

    static String array(List<String> values) {
        return "[" + String.join(",", values) + "]";
    }

    Json field(String name, String value) {
        return append(name, value == null ? "null" : quote(value));
    }

    Json field(String name, long value) {
        return append(name, Long.toString(value));
    }

    String end() {
        return out.append('}').toString();
    }

    private Json append(String name, String jsonValue) {
        if (out.length() > 1) {
            out.append(',');
        }
        out.append(quote(name)).append(':').append(jsonValue);
        return this;
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                // control characters must be escaped; the line separators too, for JavaScript that evals JSON
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append("\\u%04x".formatted((int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
