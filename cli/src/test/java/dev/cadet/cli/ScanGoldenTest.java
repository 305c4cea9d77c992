package dev.cadet.cli;

import dev.cadet.cli.internal.demo.DemoData;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import dev.cadet.reports.Reports;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report of a whole scan (parsers, detectors, reports) against checked-in files in
 * {@code src/test/resources/golden/<case>/}: the demo week and the small scenario inputs in
 * {@code src/test/resources/scenarios/}. Paths are relative to the module, so evidence locations in
 * the reports are the same on every machine. Rewrite with {@code -Dcadet.golden.update=true} after a
 * deliberate change and review the diff: it is what an analyst will see change.
 */
class ScanGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");
    private static final boolean UPDATE = Boolean.getBoolean("cadet.golden.update");

    @Test
    void demoWeek() throws IOException {
        Path logs = Path.of("target", "golden-demo", "logs");
        new DemoData(DemoData.DEFAULT_SEED).writeTo(logs);
        DetectionConfig config = DetectionConfig.builder()
                .approvedPrincipals(DemoData.APPROVED_PRINCIPALS)
                .approvedSources(DemoData.APPROVED_SOURCES)
                .build();
        compare("demo", scan(logs, config));
    }

    /** Brute force, new key and commands with hostile user agents and error messages, a quarantined record, a 2-hour gap. */
    @Test
    void intrusionWithGap() throws IOException {
        DetectionConfig config = DetectionConfig.builder()
                .approvedPrincipals(List.of("arn:aws:sts::111122223333:assumed-role/monitoring-lambda/*"))
                .build();
        compare("intrusion-with-gap", scan(SCENARIOS.resolve("intrusion-with-gap"), config));
    }

    private static ScanResult scan(Path input, DetectionConfig config) {
        return new ScanJob(LogReader.create(), config, 2, new ByteArrayInputStream(new byte[0])).run(List.of(input));
    }

    private static void compare(String name, ScanResult result) throws IOException {
        Path actual = Path.of("target", "golden-actual", name);
        Reports.writeAll(result, actual);
        Path expected = GOLDEN.resolve(name);
        for (String file : Reports.FILE_NAMES) {
            byte[] bytes = Files.readAllBytes(actual.resolve(file));
            if (UPDATE) {
                Files.createDirectories(expected);
                Files.write(expected.resolve(file), bytes);
            }
            assertThat(expected.resolve(file)).as("golden file (run with -Dcadet.golden.update=true to create it)")
                    .exists();
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).as("%s/%s", name, file)
                    .isEqualTo(Files.readString(expected.resolve(file)));
            assertThat(bytes).as("%s/%s bytes", name, file).isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
    }
}
