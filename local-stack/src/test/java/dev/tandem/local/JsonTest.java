package dev.tandem.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void escapesWhatJsonRequiresAndKeepsTheRest() {
        assertThat(Json.quote("say \"hi\"\\ now\n\r\t\u0001 ✓ é \u2028"))
                .isEqualTo("\"say \\\"hi\\\"\\\\ now\\n\\r\\t\\u0001 ✓ é \\u2028\"");
    }

    @Test
    void writesFieldsInOrder() {
        String object = Json.object().field("name", "a").field("count", 2).field("missing", null).end();

        assertThat(object).isEqualTo("{\"name\":\"a\",\"count\":2,\"missing\":null}");
        assertThat(Json.array(List.of(object, "{}"))).isEqualTo("[" + object + ",{}]");
        assertThat(Json.array(List.of())).isEqualTo("[]");
    }
}
