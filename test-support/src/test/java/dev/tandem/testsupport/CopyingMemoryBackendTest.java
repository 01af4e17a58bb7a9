package dev.tandem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyingMemoryBackendTest {

    private static final Document WAITING = new Document("_id", "r-1").append("version", 1L)
            .append("status", "WAITING");
    private static final Document OFFERED = new Document("_id", "r-1").append("version", 2L)
            .append("status", "OFFERED").append("offeredTo", "a-1");

    @Test
    void anAnswerShowsTheDocumentAsItWasReadWhateverIsWrittenAfter() {
        CopyingMemoryBackend backend = new CopyingMemoryBackend();

        assertThat(readThenReplaced(backend)).isEqualTo(WAITING);
        assertThat(findOne(backend)).isEqualTo(OFFERED);
    }

    /**
     * Why the copy: the backend it extends answers with the stored document itself, which the next write changes in
     * place, key by key. Should this ever fail, mongo-java-server copies by itself and the subclass can go.
     */
    @Test
    void theBackendItExtendsAnswersWithTheStoredDocumentThatTheNextWriteChanges() {
        assertThat(readThenReplaced(new MemoryBackend())).isEqualTo(OFFERED);
    }

    // the request as read while it waited, after it was offered since
    private static Document readThenReplaced(MemoryBackend backend) {
        insert(backend, WAITING);
        Document read = findOne(backend);
        replace(backend, OFFERED);
        return read;
    }

    private static void insert(MemoryBackend backend, Document document) {
        backend.handleCommand(new EmbeddedChannel(), "test", "insert", new Document("insert", "requests")
                .append("documents", List.of(document.cloneDeeply())));
    }

    private static void replace(MemoryBackend backend, Document document) {
        backend.handleCommand(new EmbeddedChannel(), "test", "update", new Document("update", "requests")
                .append("updates", List.of(new Document("q", new Document("_id", document.get("_id")))
                        .append("u", document.cloneDeeply()))));
    }

    private static Document findOne(MemoryBackend backend) {
        Document answer = backend.handleCommand(new EmbeddedChannel(), "test", "find",
                new Document("find", "requests").append("filter", new Document("_id", "r-1")));
        @SuppressWarnings("unchecked")
        List<Document> found = (List<Document>) ((Document) answer.get("cursor")).get("firstBatch");
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
