package dev.tandem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigurationDocSectionTest {

    private static final JsonNode METADATA = JsonMapper.builder().build().readTree("""
            {"groups": [
              {"name": "tandem.desk", "type": "dev.tandem.desk.DeskProperties"},
              {"name": "tandem.desk.queue", "type": "dev.tandem.desk.DeskProperties$Queue", "sourceMethod": "queue()"}
            ],
            "properties": [
              {"name": "tandem.desk.queue.size", "type": "java.lang.Integer", "defaultValue": 20,
               "description": "how many wait, at most"},
              {"name": "tandem.desk.offer-timeout", "type": "java.time.Duration", "defaultValue": "2m",
               "description": "how long an agent has to answer {@code Offered}"},
              {"name": "tandem.desk.paths", "type": "java.util.List<java.lang.String>",
               "defaultValue": "[/a/**, /b]", "description": "paths | patterns."}
            ]}""");

    private static final String SECTION = """
            ## desk-service

            ### `tandem.desk` (DeskProperties)

            | property | type | default | meaning |
            |---|---|---|---|
            | `tandem.desk.offer-timeout` | `Duration` | `2m` | How long an agent has to answer `Offered`. |
            | `tandem.desk.paths` | `List<String>` | `/a/**, /b` | Paths \\| patterns. |
            | `tandem.desk.queue.size` | `Integer` | `20` | How many wait, at most. |""";

    @Test
    void aRecordsPropertiesAreOneTableNestedOnesByTheirFullNames() {
        assertThat(ConfigurationDoc.section("desk-service", METADATA)).isEqualTo(SECTION);
    }

    @Test
    void aDocumentWithTheGeneratedSectionHasNoProblems() {
        assertThat(ConfigurationDoc.problems("desk-service", SECTION, "# Configuration\n\n" + SECTION
                + "\n\n## other-service\n")).isEmpty();
    }

    @Test
    void eachMissingExtraAndDifferentPropertyIsNamed() {
        String documented = SECTION
                .replace("| `tandem.desk.paths` | `List<String>` | `/a/**, /b` | Paths \\| patterns. |\n", "")
                .replace("`2m`", "`1m`")
                + "\n| `tandem.desk.gone` | `Boolean` | `true` | Whether it was. |";

        assertThat(ConfigurationDoc.problems("desk-service", SECTION, documented))
                .contains("missing: tandem.desk.paths")
                .contains("extra, no such setting: tandem.desk.gone")
                .contains("different: tandem.desk.offer-timeout",
                        "documented: | `tandem.desk.offer-timeout` | `Duration` | `1m` |",
                        "generated:  | `tandem.desk.offer-timeout` | `Duration` | `2m` |")
                .doesNotContain("tandem.desk.queue.size");
    }

    @Test
    void aDocumentWithoutTheModulesSectionSaysSo() {
        assertThat(ConfigurationDoc.problems("desk-service", SECTION, "# Configuration\n"))
                .isEqualTo("docs/configuration.md has no section '## desk-service'.");
    }
}
