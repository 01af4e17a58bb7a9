package dev.tandem.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainedSendsTest {

    @Test
    void documentsWithoutACommonKeyAreSentSideBySide() {
        PendingDocument a = document("a", "r-1");
        PendingDocument b = document("b", "r-2");
        PendingDocument c = document("c", "r-3");

        assertThat(ChainedSends.chains(List.of(a, b, c))).containsExactly(List.of(a), List.of(b), List.of(c));
    }

    @Test
    void documentsOfOneKeyAreSentOneAfterTheOtherInTheirOrder() {
        PendingDocument first = document("first", "r-1");
        PendingDocument other = document("other", "r-2");
        PendingDocument second = document("second", "r-1");

        assertThat(ChainedSends.chains(List.of(first, other, second)))
                .containsExactly(List.of(first, second), List.of(other));
    }

    @Test
    void aDocumentWithEventsOfTwoKeysJoinsTheirChains() {
        PendingDocument one = document("one", "r-1");
        PendingDocument two = document("two", "r-2");
        PendingDocument both = document("both", "r-1", "r-2");
        PendingDocument later = document("later", "r-2");
        PendingDocument apart = document("apart", "r-3");

        List<List<PendingDocument>> chains = ChainedSends.chains(List.of(one, two, both, later, apart));

        assertThat(chains).hasSize(2);
        assertThat(chains.getFirst()).containsExactlyInAnyOrder(one, two, both, later);
        assertThat(chains.getFirst().indexOf(both)).isGreaterThan(chains.getFirst().indexOf(one))
                .isGreaterThan(chains.getFirst().indexOf(two));
        assertThat(chains.getFirst().indexOf(later)).isGreaterThan(chains.getFirst().indexOf(both));
        assertThat(chains.get(1)).containsExactly(apart);
    }

    private static PendingDocument document(String id, String... keys) {
        return new PendingDocument("tickets", id, Arrays.stream(keys)
                .map(key -> new OutboxEntry(id + "-" + key, "topic", key, "Type", "{}", Instant.EPOCH))
                .toList());
    }
}
