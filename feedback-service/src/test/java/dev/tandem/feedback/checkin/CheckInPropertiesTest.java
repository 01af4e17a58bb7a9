package dev.tandem.feedback.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CheckInPropertiesTest {

    @Test
    void outOfTheBoxLinksAreSignedWithTheDevelopmentKeySoThatItsUseIsWarnedAbout() {
        CheckInProperties properties = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("tandem.feedback.check-in", CheckInProperties.class);

        assertThat(properties.usesDevelopmentKey()).isTrue();
        assertThat(properties.linkBaseUrl()).isEqualTo("http://localhost:8084");
        assertThat(properties.validity()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new CheckInProperties("http://localhost:8084", "too-short", Duration.ofDays(14)));
    }

    @Test
    void theKeyNeverShowsInItsTextForm() {
        CheckInProperties properties = new CheckInProperties("http://localhost:8084/",
                CheckInLinksTest.KEY, Duration.ofDays(14));

        assertThat(properties.toString()).doesNotContain(CheckInLinksTest.KEY);
        assertThat(properties.linkBaseUrl()).isEqualTo("http://localhost:8084");
        assertThat(properties.usesDevelopmentKey()).isFalse();
    }
}
