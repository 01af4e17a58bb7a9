package dev.tandem.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The structure every service keeps: features are packages that do not depend on each other in a cycle,
 * controllers never hand out persistence documents, and no service reaches into another service's code.
 */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("intake", "routing", "notification", "feedback");

    private ArchitectureRules() {
    }

    /** Checks the rules against the production classes of one service. */
    public static void verify(String service) {
        String root = "dev.tandem." + service;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        featuresAreFreeOfCycles(root).check(classes);
        controllersDoNotExposeDocuments().check(classes);
        for (String other : SERVICES) {
            if (!other.equals(service)) {
                noClasses().should().dependOnClassesThat().resideInAPackage("dev.tandem." + other + "..")
                        .because("services talk to each other only through Kafka")
                        .check(classes);
            }
        }
    }

    static ArchRule featuresAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule controllersDoNotExposeDocuments() {
        return methods().that().areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a @Document", type -> type.isAnnotatedWith(
                                "org.springframework.data.mongodb.core.mapping.Document")))
                .because("controllers answer with response records, never persistence documents");
    }
}
