package dev.tandem.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void idsAreVersionFourUuidsOfTheIetfVariant() {
        UUID id = UUID.fromString(RandomIds.uuid());

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(RandomIds.uuid());
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void eachThreadDrawsFromAGeneratorOfItsOwn() throws InterruptedException {
        Object[] other = new Object[1];
        Thread thread = new Thread(() -> other[0] = RandomIds.generator());
        thread.start();
        thread.join();

        assertThat(other[0]).isNotNull().isNotSameAs(RandomIds.generator());
    }
}
