package dev.cadet.parsers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsers' own layering: the API over the implementation, shared building blocks (and the CSV machinery)
 * under the providers, providers beside each other. The rules every module keeps (layering, clock, console, exceptions,
 * package cycles) are checked for all modules together in the cli module's ArchitectureTest.
 */
class ArchitectureTest {

    private static final List<String> PROVIDERS = List.of("aws", "azure", "entra", "gcp", "ssm");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cadet.parsers");
    }

    @Test
    void importedEnoughToMeanSomething() {
        // A rule over an empty import passes on nothing.
        assertThat(classes.size()).isGreaterThan(60);
        for (String provider : PROVIDERS) {
            assertThat(classes.containPackage("dev.cadet.parsers.internal." + provider)).as(provider).isTrue();
        }
    }

    @Test
    void implementationDoesNotDependOnTheApi() {
        noClasses().that().resideInAPackage("dev.cadet.parsers.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.cadet.parsers")
                .check(classes);
    }

    @Test
    void sharedBuildingBlocksDoNotKnowAnyProvider() {
        for (String provider : PROVIDERS) {
            noClasses().that().resideInAnyPackage("dev.cadet.parsers.internal", "dev.cadet.parsers.internal.csv")
                    .should().dependOnClassesThat().resideInAPackage("dev.cadet.parsers.internal." + provider)
                    .check(classes);
        }
    }

    /**
     * Each provider stands alone, with one exception: an Azure Monitor diagnostic stream carries Entra sign-in
     * and audit records in the same envelope, so the Azure reader hands those to the Entra mapping.
     */
    @Test
    void providersDoNotKnowEachOther() {
        for (String provider : PROVIDERS) {
            for (String other : PROVIDERS) {
                if (provider.equals(other) || (provider.equals("azure") && other.equals("entra"))) {
                    continue;
                }
                noClasses().that().resideInAPackage("dev.cadet.parsers.internal." + provider)
                        .should().dependOnClassesThat().resideInAPackage("dev.cadet.parsers.internal." + other)
                        .check(classes);
            }
        }
    }
}
