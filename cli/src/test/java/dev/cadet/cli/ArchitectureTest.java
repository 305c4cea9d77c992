package dev.cadet.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cadet.model.CadetException;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The layering of style.md, checked on the production classes of every module. */
class ArchitectureTest {

    private static final Set<String> EXPORTED = Set.of("dev.cadet.model", "dev.cadet.parsers",
            "dev.cadet.detectors", "dev.cadet.reports", "dev.cadet.cli");
    private static JavaClasses cadet;

    @BeforeAll
    static void importProductionClasses() {
        cadet = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cadet");
    }

    @Test
    void importSeesEveryModule() {
        // Guards the rules below against passing on an empty or partial import.
        for (String module : new String[] {"model", "parsers", "detectors", "reports", "cli"}) {
            assertThat(cadet.stream().filter(c -> c.getPackageName().startsWith("dev.cadet." + module)).count())
                    .as("classes imported from dev.cadet.%s", module).isGreaterThan(3);
        }
        assertThat(cadet.size()).isGreaterThan(60);
    }

    @Test
    void modelDependsOnJavaOnly() {
        classes().that().resideInAPackage("dev.cadet.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.cadet.model..")
                .check(cadet);
    }

    @Test
    void jacksonAndCommonsCsvOnlyInParsersReportsAndCli() {
        noClasses().that().resideOutsideOfPackages("dev.cadet.parsers..", "dev.cadet.reports..", "dev.cadet.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "org.apache.commons.csv..")
                .check(cadet);
    }

    @Test
    void eclipseCollectionsOnlyInDetectors() {
        noClasses().that().resideOutsideOfPackages("dev.cadet.detectors..", "dev.cadet.benchmarks..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.collections..")
                .check(cadet);
    }

    @Test
    void modulesOnlyUseTheModulesBelowThem() {
        noClasses().that().resideInAnyPackage("dev.cadet.parsers..", "dev.cadet.detectors..", "dev.cadet.reports..")
                .should().dependOnClassesThat().resideInAPackage("dev.cadet.cli..").check(cadet);
        noClasses().that().resideInAPackage("dev.cadet.parsers..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cadet.detectors..", "dev.cadet.reports..")
                .check(cadet);
        noClasses().that().resideInAPackage("dev.cadet.detectors..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cadet.parsers..", "dev.cadet.reports..")
                .check(cadet);
        noClasses().that().resideInAPackage("dev.cadet.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cadet.parsers..", "dev.cadet.detectors..")
                .check(cadet);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.cadet.(**)").should().beFreeOfCycles().check(cadet);
    }

    @Test
    void libraryCodeNeverReadsTheWallClock() {
        noClasses().that().resideOutsideOfPackage("dev.cadet.cli..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .check(cadet);
    }

    @Test
    void libraryCodeNeverWritesToTheConsole() {
        noClasses().that().resideOutsideOfPackage("dev.cadet.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(cadet);
    }

    @Test
    void noGenericRuntimeExceptions() {
        // CadetException is the one class allowed to call RuntimeException's constructors.
        noClasses().that().doNotHaveFullyQualifiedName(CadetException.class.getName())
                .should().callConstructor(RuntimeException.class, String.class)
                .orShould().callConstructor(RuntimeException.class, String.class, Throwable.class)
                .orShould().callConstructor(RuntimeException.class, Throwable.class)
                .orShould().callConstructor(RuntimeException.class)
                .check(cadet);
    }

    @Test
    void exportedSignaturesNameNoLibraryType() {
        List<String> leaks = new ArrayList<>();
        cadet.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> EXPORTED.contains(c.getPackageName()))
                .forEach(c -> {
                    Class<?> type = c.reflect();
                    List<Type> signature = new ArrayList<>();
                    for (Method m : type.getDeclaredMethods()) {
                        if (Modifier.isPublic(m.getModifiers())) {
                            signature.add(m.getGenericReturnType());
                            signature.addAll(List.of(m.getGenericParameterTypes()));
                        }
                    }
                    for (Constructor<?> k : type.getDeclaredConstructors()) {
                        if (Modifier.isPublic(k.getModifiers())) {
                            signature.addAll(List.of(k.getGenericParameterTypes()));
                        }
                    }
                    for (Field f : type.getDeclaredFields()) {
                        if (Modifier.isPublic(f.getModifiers())) {
                            signature.add(f.getGenericType());
                        }
                    }
                    signature.stream().map(Type::getTypeName)
                            .filter(name -> name.matches(".*\\b(tools\\.jackson|org\\.eclipse\\.collections|org\\.apache\\.commons|picocli)\\..*"))
                            .forEach(name -> leaks.add(type.getName() + ": " + name));
                });
        assertThat(leaks).isEmpty();
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnModule() {
        for (String module : new String[] {"parsers", "detectors", "reports", "cli"}) {
            classes().that().resideInAPackage("dev.cadet." + module + ".internal..")
                    .should().onlyBeAccessed().byClassesThat().resideInAPackage("dev.cadet." + module + "..")
                    .allowEmptyShould(true)
                    .check(cadet);
        }
    }
}
