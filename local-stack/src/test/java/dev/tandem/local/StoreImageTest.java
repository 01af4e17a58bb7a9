package dev.tandem.local;

import de.bwaldvogel.mongo.bson.Document;
import dev.tandem.local.DocumentJournal.Entry;
import dev.tandem.local.DocumentJournal.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How records replay, including the orders an online compaction writes them in: a snapshot, then what followed. */
class StoreImageTest {

    private final StoreImage image = new StoreImage();

    @Test
    void theLastStateOfADocumentWinsAndADeleteRemovesIt() {
        apply(Operation.CREATE_COLLECTION, "db", "c", new Document("idField", "_id"));
        apply(Operation.PUT, "db", "c", new Document("_id", "a").append("v", 1));
        apply(Operation.PUT, "db", "c", new Document("_id", "b").append("v", 1));
        apply(Operation.PUT, "db", "c", new Document("_id", "a").append("v", 2));
        apply(Operation.DELETE, "db", "c", new Document("_id", "b"));

        assertThat(documents("db", "c")).containsExactly(new Document("_id", "a").append("v", 2));
    }

    @Test
    void idsCompareAsTheStoreComparesThem() {
        apply(Operation.PUT, "db", "c", new Document("_id", 1).append("v", 1));
        apply(Operation.PUT, "db", "c", new Document("_id", 1L).append("v", 2));
        assertThat(documents("db", "c")).containsExactly(new Document("_id", 1L).append("v", 2));

        apply(Operation.DELETE, "db", "c", new Document("_id", 1.0));
        assertThat(documents("db", "c")).isEmpty();
    }

    @Test
    void creatingACollectionAgainKeepsItsDocumentsAndChangesToWhatIsGoneChangeNothing() {
        apply(Operation.PUT, "db", "c", new Document("_id", "a"));
        apply(Operation.CREATE_COLLECTION, "db", "c", new Document("idField", "_id"));
        apply(Operation.DELETE, "db", "other", new Document("_id", "a"));
        apply(Operation.DROP_INDEX, "db", "c", new Document("name", "nothing"));
        apply(Operation.DROP_COLLECTION, "elsewhere", "c", new Document());

        assertThat(documents("db", "c")).containsExactly(new Document("_id", "a"));
    }

    @Test
    void indexesFollowTheirCollectionThroughDropsAndRenames() {
        apply(Operation.CREATE_INDEX, "db", "c", new Document("name", "k_1").append("unique", true)
                .append("key", new Document("k", 1)).append("ns", "db.old"));
        assertThat(image.databases().get("db").get("c").indexes())
                .extracting(index -> index.get("ns")).containsExactly("db.c");

        apply(Operation.RENAME_COLLECTION, "db", "c", new Document("database", "db2").append("collection", "d"));
        assertThat(image.databases().get("db")).doesNotContainKey("c");
        assertThat(image.databases().get("db2").get("d").indexes())
                .extracting(index -> index.get("ns")).containsExactly("db2.d");

        apply(Operation.DROP_INDEX, "db2", "d", new Document("name", "k_1"));
        assertThat(image.databases().get("db2").get("d").indexes()).isEmpty();
    }

    @Test
    void aRenameAfterASnapshotUnderTheNewNameJoinsWhatBothHave() {
        // the snapshot caught the collection already renamed; a change made before the rename follows it
        apply(Operation.CREATE_COLLECTION, "db", "new", new Document("idField", "_id"));
        apply(Operation.PUT, "db", "new", new Document("_id", "a").append("v", 1));
        apply(Operation.PUT, "db", "new", new Document("_id", "b").append("v", 2));
        apply(Operation.PUT, "db", "old", new Document("_id", "b").append("v", 2));
        apply(Operation.RENAME_COLLECTION, "db", "old", new Document("database", "db").append("collection", "new"));

        assertThat(documents("db", "new")).containsExactlyInAnyOrder(new Document("_id", "a").append("v", 1),
                new Document("_id", "b").append("v", 2));
        assertThat(image.databases().get("db")).doesNotContainKey("old");
    }

    @Test
    void droppingADatabaseDropsAllItsCollections() {
        apply(Operation.PUT, "db", "a", new Document("_id", 1));
        apply(Operation.PUT, "db", "b", new Document("_id", 1));
        apply(Operation.PUT, "other", "a", new Document("_id", 1));
        apply(Operation.DROP_DATABASE, "db", "", new Document());

        assertThat(image.databases()).containsOnlyKeys("other");
        assertThat(image.documentCount()).isEqualTo(1);
    }

    private void apply(Operation operation, String database, String collection, Document document) {
        image.apply(new Entry(operation, database, collection, document));
    }

    private java.util.Collection<Document> documents(String database, String collection) {
        return image.databases().get(database).get(collection).documents();
    }
}
