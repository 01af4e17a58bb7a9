package dev.tandem.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonPointer;

class JsonPathTest {

    @Test
    void namesNestedFieldsAndListEntriesTheWayAFrontEndWritesThem() {
        assertThat(JsonPath.of(JsonPointer.compile("/customer/email"))).isEqualTo("customer.email");
        assertThat(JsonPath.of(JsonPointer.compile("/tags/2/name"))).isEqualTo("tags[2].name");
        assertThat(JsonPath.of(JsonPointer.compile("/labels/$where"))).isEqualTo("labels.$where");
    }

    @Test
    void quotesAKeyThatIsNotAPlainName() {
        assertThat(JsonPath.of(JsonPointer.compile("/labels/a.b"))).isEqualTo("labels[\"a.b\"]");
        assertThat(JsonPath.of(JsonPointer.compile("/say \"hi\""))).isEqualTo("[\"say \\\"hi\\\"\"]");
    }
}
