package dev.tandem.local;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

    private final FieldNames names = new FieldNames();

    @Test
    void documentsKeepTheirContentAndOrderButShareTheirFieldNames() {
        Document first = request("r1");
        Document second = request("r2");
        Document expected = request("r2");

        names.share(first);
        names.share(second);

        assertThat(second).isEqualTo(expected);
        assertThat(second.keySet()).containsExactly("_id", "status", "customer", "outbox");
        assertThat(nameInstance(second, "status")).isSameAs(nameInstance(first, "status"));
        assertThat(nameInstance((Document) second.get("customer"), "email"))
                .isSameAs(nameInstance((Document) first.get("customer"), "email"));
        Document firstEntry = (Document) ((List<?>) first.get("outbox")).getFirst();
        Document secondEntry = (Document) ((List<?>) second.get("outbox")).getFirst();
        assertThat(nameInstance(secondEntry, "eventId")).isSameAs(nameInstance(firstEntry, "eventId"));
    }

    @Test
    void pastTheLimitNewNamesAreKeptAsTheyCome() {
        for (int i = 0; i < FieldNames.LIMIT; i++) {
            names.share(new Document("field" + i, i));
        }
        Document invented = new Document(new String("one-more"), 1);

        names.share(invented);

        assertThat(names.size()).isEqualTo(FieldNames.LIMIT);
        assertThat(invented).isEqualTo(new Document("one-more", 1));
    }

    // a fresh copy of every name, as each write from the wire brings
    private static Document request(String id) {
        return new Document(new String("_id"), id)
                .append(new String("status"), "SUBMITTED")
                .append(new String("customer"), new Document(new String("email"), "ada@example.com"))
                .append(new String("outbox"), List.of(new Document(new String("eventId"), "e-" + id)));
    }

    private static String nameInstance(Document document, String name) {
        return document.keySet().stream().filter(name::equals).findFirst().orElseThrow();
    }
}
