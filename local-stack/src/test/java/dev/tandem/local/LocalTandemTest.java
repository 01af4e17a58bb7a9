package dev.tandem.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalTandemTest {

    @Test
    void runsFromTheCurrentDirectoryWithDataInsideTheRepositoryByDefault() {
        LocalTandem.Options options = LocalTandem.Options.parse();

        assertThat(options.repo()).isEqualTo(Path.of(""));
        assertThat(options.data()).isEqualTo(Path.of("data"));
        assertThat(options.jvm()).isEqualTo(JvmProfile.SMALL);
    }

    @Test
    void setsTheJvmsUpForALoadTestOnRequest() {
        assertThat(LocalTandem.Options.parse("--perf").jvm()).isEqualTo(JvmProfile.PERFORMANCE);
    }

    @Test
    void takesTheRepositoryAndTheDataDirectoryFromTheCommandLine() {
        LocalTandem.Options options = LocalTandem.Options.parse("--repo", "tandem", "--data", "elsewhere");

        assertThat(options.repo()).isEqualTo(Path.of("tandem"));
        assertThat(options.data()).isEqualTo(Path.of("elsewhere"));
        assertThat(LocalTandem.Options.parse("--repo", "tandem").data()).isEqualTo(Path.of("tandem", "data"));
    }

    @Test
    void rejectsUnknownOptionsAndMissingValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalTandem.Options.parse("--verbose"))
                .withMessageContaining("--verbose");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalTandem.Options.parse("--data"))
                .withMessageContaining("--data needs a value");
    }

    @Test
    void startsAllServicesUnlessToldWhichOnes() {
        assertThat(LocalTandem.Options.parse().only()).isEmpty();
        assertThat(LocalTandem.Options.parse("--only", "intake").only()).containsExactly("intake-service");
        assertThat(LocalTandem.Options.parse("--only", "intake-service, routing").only())
                .containsExactlyInAnyOrder("intake-service", "routing-service");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalTandem.Options.parse("--only", "billing"))
                .withMessageContaining("no service called 'billing'");
    }
}
