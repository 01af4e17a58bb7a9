package dev.tandem.routing;

import dev.tandem.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void featuresStayApartAndControllersNeverExposeDocuments() {
        ArchitectureRules.verify("routing");
    }
}
