package dev.tandem.intake;

import dev.tandem.testsupport.ConfigurationDoc;
import org.junit.jupiter.api.Test;

class ConfigurationDocTest {

    @Test
    void docsListEverySettingWithTheTypeDefaultAndMeaningItsRecordGives() {
        ConfigurationDoc.verify("intake-service");
    }
}
