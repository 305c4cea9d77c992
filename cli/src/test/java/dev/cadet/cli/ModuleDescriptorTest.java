package dev.cadet.cli;

import dev.cadet.detectors.Pipeline;
import dev.cadet.model.CloudEvent;
import dev.cadet.parsers.LogReader;
import dev.cadet.reports.Reports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module's descriptor (what it requires, exports and opens) must equal the checked-in text in
 * {@code src/test/resources/module-descriptors/}: widening a module's API is a reviewed change.
 * Regenerate with {@code -Dcadet.golden.update=true}.
 */
class ModuleDescriptorTest {

    static Stream<Arguments> modules() {
        return Stream.of(
                Arguments.of("dev.cadet.model", CloudEvent.class),
                Arguments.of("dev.cadet.parsers", LogReader.class),
                Arguments.of("dev.cadet.detectors", Pipeline.class),
                Arguments.of("dev.cadet.reports", Reports.class),
                Arguments.of("dev.cadet.cli", Main.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void descriptorMatchesTheCheckedInText(String module, Class<?> member) throws Exception {
        Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleReference ref = ModuleFinder.of(location).find(module)
                .orElseThrow(() -> new AssertionError("no module " + module + " at " + location));
        String actual = render(ref.descriptor());

        String resource = "/module-descriptors/" + module + ".txt";
        if (Boolean.getBoolean("cadet.golden.update")) {
            Path source = Path.of(System.getProperty("cadet.root.dir"), "cli/src/test/resources" + resource);
            Files.writeString(source, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("descriptor of %s (regenerate with -Dcadet.golden.update=true)", module)
                .isEqualTo(read(resource));
    }

    static String render(ModuleDescriptor d) {
        StringBuilder b = new StringBuilder("module ").append(d.name()).append('\n');
        d.requires().stream()
                .filter(r -> !r.name().equals("java.base"))
                .map(r -> "requires " + r.modifiers().stream().filter(m -> m != ModuleDescriptor.Requires.Modifier.MANDATED)
                        .map(m -> m.name().toLowerCase() + " ").sorted().collect(Collectors.joining()) + r.name())
                .sorted().forEach(line -> b.append(line).append('\n'));
        d.exports().stream().map(e -> "exports " + e.source()
                        + (e.isQualified() ? " to " + String.join(",", e.targets().stream().sorted().toList()) : ""))
                .sorted().forEach(line -> b.append(line).append('\n'));
        d.opens().stream().map(o -> "opens " + o.source()
                        + (o.isQualified() ? " to " + String.join(",", o.targets().stream().sorted().toList()) : ""))
                .sorted().forEach(line -> b.append(line).append('\n'));
        return b.toString();
    }

    private static String read(String resource) throws IOException, URISyntaxException {
        try (InputStream in = ModuleDescriptorTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "(missing " + resource + ")";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
