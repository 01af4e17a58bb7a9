package dev.tandem.feedback.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class CheckInPropertiesTest {

    @Test
    void theDevelopmentKeyInApplicationYamlIsRecognisedSoThatItsUseIsWarnedAbout() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        var configured = yaml.getObject();

        CheckInProperties properties = new CheckInProperties(
                configured.getProperty("tandem.feedback.check-in.link-base-url"),
                configured.getProperty("tandem.feedback.check-in.signing-key"), Duration.ofDays(14));

        assertThat(properties.usesDevelopmentKey()).isTrue();
        assertThat(configured.getProperty("tandem.feedback.check-in.validity")).isEqualTo("14d");
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
