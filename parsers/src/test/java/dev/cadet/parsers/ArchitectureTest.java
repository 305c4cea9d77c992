package dev.cadet.parsers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsers' own layering; the rules every module keeps (layering, clock, console, exceptions,
 * package cycles) are checked for all modules together in the cli module's ArchitectureTest.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cadet.parsers");
    }

    @Test
    void importedEnoughToMeanSomething() {
        // A rule over an empty import passes on nothing.
        assertThat(classes.size()).isGreaterThan(25);
        assertThat(classes.containPackage("dev.cadet.parsers.internal.aws")).isTrue();
    }

    @Test
    void implementationDoesNotDependOnTheApi() {
        noClasses().that().resideInAPackage("dev.cadet.parsers.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.cadet.parsers")
                .check(classes);
    }

    @Test
    void sharedBuildingBlocksDoNotKnowAnyProvider() {
        noClasses().that().resideInAPackage("dev.cadet.parsers.internal")
                .should().dependOnClassesThat().resideInAPackage("dev.cadet.parsers.internal.aws")
                .check(classes);
    }
}
