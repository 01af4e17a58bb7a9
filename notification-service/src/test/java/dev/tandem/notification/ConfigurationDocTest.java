package dev.tandem.notification;

import dev.tandem.testsupport.ConfigurationDoc;
import org.junit.jupiter.api.Test;

class ConfigurationDocTest {

    @Test
    void docsListEverySettingWithTheTypeDefaultAndMeaningItsRecordGives() {
        ConfigurationDoc.verify("notification-service");
    }
}
