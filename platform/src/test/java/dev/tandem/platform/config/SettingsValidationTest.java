package dev.tandem.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.platform.inbox.InboxProperties;
import dev.tandem.platform.outbox.OutboxProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SettingsValidationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void aZeroIntervalStopsTheServiceAtStartUpSayingWhy() {
        assertStartUpRefused("tandem.inbox.cleanup-interval=0s",
                "tandem.inbox", "cleanupInterval", "must be longer than or equal to 1 milli");
    }

    @Test
    void aCountBelowOneStopsTheServiceAtStartUpSayingWhy() {
        assertStartUpRefused("tandem.outbox.publishers=0",
                "tandem.outbox", "publishers", "must be greater than or equal to 1");
    }

    @Test
    void theDefaultsPassAndALingerOfZeroIsAllowed() {
        service.withPropertyValues("tandem.outbox.linger=0ms").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OutboxProperties.class).linger()).isZero();
            assertThat(context.getBean(InboxProperties.class).retention()).isEqualTo(Duration.ofDays(30));
        });
    }

    private void assertStartUpRefused(String setting, String... reasons) {
        service.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains(reasons);
        });
    }

    @EnableConfigurationProperties({InboxProperties.class, OutboxProperties.class})
    static class Settings {
    }
}
