package dev.tandem.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code docs/configuration.md} true to each module's settings. A module's section, from its heading
 * {@code ## <module>} to the next such heading, is what the module's configuration metadata makes of it: the
 * {@code META-INF/spring-configuration-metadata.json} that {@code spring-boot-configuration-processor} writes when
 * the module compiles, with each property's type, its {@code @DefaultValue} and its record's Javadoc
 * {@code @param} as the meaning. A nested record's properties are listed, by their full names, with those of the
 * record that holds them.
 * <p>
 * Where the section differs, the failure names each missing, extra and different property, and the section as
 * generated is in the module's {@code target/configuration.md}, ready to replace the old one.
 */
public final class ConfigurationDoc {

    static final Path DOC = Path.of("..", "docs", "configuration.md");
    static final Path METADATA = Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");
    static final Path GENERATED = Path.of("target", "configuration.md");

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|link|linkplain|literal) ([^}]*)}");
    private static final Pattern ROW_NAME = Pattern.compile("^\\| `([^`]+)` \\|");

    private ConfigurationDoc() {
    }

    /** Checks the section of one module, run from the module's directory (as Maven runs its tests). */
    public static void verify(String module) {
        if (!Files.exists(METADATA)) {
            fail("%s has no configuration metadata at %s: is spring-boot-configuration-processor among the"
                    + " compiler's annotationProcessorPaths?", module, METADATA);
        }
        String generated = section(module, JsonMapper.builder().build().readTree(METADATA));
        write(GENERATED, generated + "\n");
        String problems = problems(module, generated, read(DOC));
        if (!problems.isEmpty()) {
            fail("%s%nThe section as generated from the records is in %s/%s: put it in place of the section"
                    + " '## %s' of docs/configuration.md.", problems, module, GENERATED, module);
        }
    }

    /** The module's section as its metadata describes it. */
    static String section(String module, JsonNode metadata) {
        List<String> records = new ArrayList<>();
        Map<String, String> recordTypes = new LinkedHashMap<>();
        for (JsonNode group : metadata.path("groups")) {
            if (!group.has("sourceMethod")) {
                records.add(group.path("name").asString());
                recordTypes.put(group.path("name").asString(), simpleName(group.path("type").asString()));
            }
        }
        records.sort(Comparator.naturalOrder());
        Map<String, List<String>> rows = new LinkedHashMap<>();
        records.forEach(record -> rows.put(record, new ArrayList<>()));
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            String record = records.stream().filter(prefix -> name.startsWith(prefix + "."))
                    .max(Comparator.comparingInt(String::length))
                    .orElseThrow(() -> new IllegalStateException(name + " belongs to no record"));
            rows.get(record).add(row(property));
        }
        StringBuilder text = new StringBuilder("## ").append(module).append('\n');
        rows.forEach((record, lines) -> {
            text.append("\n### `").append(record).append("` (").append(recordTypes.get(record)).append(")\n\n");
            text.append("| property | type | default | meaning |\n|---|---|---|---|\n");
            lines.stream().sorted().forEach(line -> text.append(line).append('\n'));
        });
        return text.toString().stripTrailing();
    }

    /** What is wrong with the module's section of the document, or nothing. */
    static String problems(String module, String generated, String doc) {
        Optional<String> documented = sectionOf(doc, module);
        if (documented.isEmpty()) {
            return "docs/configuration.md has no section '## " + module + "'.";
        }
        if (documented.get().equals(generated)) {
            return "";
        }
        Map<String, String> expected = rowsByName(generated);
        Map<String, String> actual = rowsByName(documented.get());
        StringBuilder problems = new StringBuilder("docs/configuration.md does not describe the settings of ")
                .append(module).append(" as its records do:\n");
        expected.keySet().stream().filter(name -> !actual.containsKey(name))
                .forEach(name -> problems.append("  missing: ").append(name).append('\n'));
        actual.keySet().stream().filter(name -> !expected.containsKey(name))
                .forEach(name -> problems.append("  extra, no such setting: ").append(name).append('\n'));
        expected.forEach((name, row) -> {
            if (actual.containsKey(name) && !actual.get(name).equals(row)) {
                problems.append("  different: ").append(name).append("\n    documented: ").append(actual.get(name))
                        .append("\n    generated:  ").append(row).append('\n');
            }
        });
        if (expected.equals(actual)) {
            problems.append("  every property matches, but the headings or layout around them differ\n");
        }
        return problems.toString().stripTrailing();
    }

    private static String row(JsonNode property) {
        String type = property.path("type").asString();
        return "| `" + property.path("name").asString() + "` | `" + simpleName(type) + "` | "
                + defaultValue(property.path("defaultValue"), type) + " | "
                + meaning(property.path("description").asString()) + " |";
    }

    private static String defaultValue(JsonNode value, String type) {
        if (value.isMissingNode() || value.isNull()) {
            return "none";
        }
        String text = value.isArray()
                ? value.values().stream().map(JsonNode::asString).collect(Collectors.joining(", "))
                : value.asString();
        // the processor gives a collection's default as its string form: [a, b]
        if (type.startsWith("java.util.") && text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        return "`" + text + "`";
    }

    // Javadoc's inline tags as Markdown, the first letter capitalised and a full stop, as in a sentence
    private static String meaning(String description) {
        Matcher tags = INLINE_TAG.matcher(description);
        StringBuilder text = new StringBuilder();
        while (tags.find()) {
            String content = tags.group(2).trim();
            tags.appendReplacement(text, Matcher.quoteReplacement(
                    tags.group(1).equals("code") || tags.group(1).equals("literal") ? "`" + content + "`" : content));
        }
        tags.appendTail(text);
        String sentence = text.toString().replace("|", "\\|").strip();
        if (sentence.isEmpty()) {
            return sentence;
        }
        sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    private static String simpleName(String type) {
        return type.replaceAll("[\\w]+[.$]", "");
    }

    private static Optional<String> sectionOf(String doc, String module) {
        String heading = "## " + module;
        List<String> lines = doc.lines().toList();
        int start = lines.indexOf(heading);
        if (start < 0) {
            return Optional.empty();
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return Optional.of(String.join("\n", lines.subList(start, end)).stripTrailing());
    }

    private static Map<String, String> rowsByName(String section) {
        Map<String, String> rows = new LinkedHashMap<>();
        section.lines().forEach(line -> {
            Matcher name = ROW_NAME.matcher(line);
            if (name.find()) {
                rows.put(name.group(1), line);
            }
        });
        return rows;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
