package dev.cadet.detectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** Every package of this module is its own slice; they form no cycle, and internals never use the API. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cadet.detectors");
    }

    @Test
    void importSeesTheModule() {
        assertThat(classes.size()).isGreaterThan(25);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.cadet.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void internalsDoNotDependOnTheApi() {
        noClasses().that().resideInAPackage("dev.cadet.detectors.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.cadet.detectors")
                .check(classes);
    }

    @Test
    void detectorsDoNotReachIntoIncidents() {
        noClasses().that().resideInAPackage("dev.cadet.detectors.internal.detect..")
                .should().dependOnClassesThat().resideInAPackage("dev.cadet.detectors.internal.incident..")
                .check(classes);
    }

    @Test
    void onlyJavaTheModelAndEclipseCollections() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.cadet.model..", "dev.cadet.detectors..", "org.eclipse.collections..")
                .check(classes);
    }
}
