package dev.cadet.cli;

import dev.cadet.detectors.DetectorInfo;
import dev.cadet.detectors.Detectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Options, filters, formats and exit codes of the commands, run through Main as a user would. */
class CliOptionsTest {

    private static final String SCENARIO = Path.of("src", "test", "resources", "scenarios", "intrusion-with-gap")
            .toString();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan", "demo", "normalize", "rules"})
    void everyCommandHasHelpWithExitCodes(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage: cadet " + command).contains("Exit codes:").contains("0 ");
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("scan", "demo", "normalize", "rules", "Exit codes:",
                "3   an incident reached the --fail-on decision");
    }

    @Test
    void scanWritesEveryFormatAndExitsThreeOnFailOn(@TempDir Path dir) {
        assertThat(run("scan", SCENARIO, "--out", dir.toString(), "--fail-on", "escalate"))
                .as(err.toString()).isEqualTo(Main.EXIT_FAIL_ON);
        assertThat(names(dir)).containsExactlyInAnyOrder("report.md", "findings.csv", "incidents.csv", "timeline.csv",
                "findings.jsonl", "summary.json");
        assertThat(out.toString()).contains("1 ESCALATE_TIER2", "Warning: 2 hours without any event",
                "Reports in " + dir).doesNotContain("\u001b[");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void formatChoosesTheFilesAndQuietPrintsNothing(@TempDir Path dir) {
        assertThat(run("scan", SCENARIO, "--out", dir.toString(), "--format", "md,jsonl", "--quiet")).isZero();
        assertThat(names(dir)).containsExactlyInAnyOrder("report.md", "findings.jsonl");
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void unknownFormatIsAUsageError(@TempDir Path dir) {
        assertThat(run("scan", SCENARIO, "--out", dir.toString(), "--format", "pdf")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("unknown report format 'pdf': expected one of md, csv, jsonl, json");
    }

    @Test
    void relativeFromCountsBackFromTheNewestEventNotTheClock(@TempDir Path dir) throws IOException {
        // The newest event is at 16:15; 2h before is 14:15, so 14:15, 15:15 and 16:15 remain.
        assertThat(run("scan", SCENARIO, "--out", dir.toString(), "--from", "2h")).isZero();
        String summary = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
        assertThat(summary).contains("\"time from 2024-05-01T14:15:00Z (2h before the newest event, "
                + "2024-05-01T16:15:00Z)\"").containsPattern("\"excluded\": 11\\b");
        assertThat(out.toString()).contains("Filter: time from 2024-05-01T14:15:00Z", "11 events left out",
                "0 findings");
    }

    @Test
    void principalProviderAccountAndAbsoluteTimeFiltersCombine(@TempDir Path dir) throws IOException {
        assertThat(run("scan", SCENARIO, "--out", dir.toString(), "--principal", "mallory", "--provider", "aws",
                "--account", "111122223333", "--from", "2024-05-01T09:06:00Z", "--to", "2024-05-02")).isZero();
        // Without the failed logins, the new key and the commands after it remain ("mallory" is the display name).
        assertThat(out.toString()).contains("11 events left out", "2 findings, 1 incident");
        assertThat(run("scan", SCENARIO, "--out", dir.toString(), "--principal", "*:user/mallory", "--to",
                "2024-05-01T09:21:00Z", "--fail-on", "escalate")).isEqualTo(Main.EXIT_FAIL_ON);
        String report = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(report).contains("**Filter:** only events matching time before 2024-05-01T09:21:00Z; "
                + "principal \\*:user/mallory (as actor or subject) were analysed; 8 events read from the logs were "
                + "left out.");
        assertThat(run("scan", SCENARIO, "--out", dir.toString(), "--provider", "AZURE,gcp")).isZero();
        assertThat(out.toString()).contains("14 events left out");
    }

    @Test
    void badTimesAreUsageErrorsThatSayWhatWasExpected(@TempDir Path dir) {
        assertThat(run("scan", SCENARIO, "--out", dir.toString(), "--from", "yesterday")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("'yesterday' is not a time: expected an ISO instant");
        assertThat(run("scan", SCENARIO, "--out", dir.toString(), "--from", "2024-05-02", "--to", "2024-05-01"))
                .isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("--from 2024-05-02 (2024-05-02T00:00:00Z) is not before --to 2024-05-01");
        assertThat(run("scan", SCENARIO, "--provider", "oracle")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("oracle");
    }

    @Test
    void normalizeWritesOneOcsfEventPerRecordToAFileOrStandardOutput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("events.jsonl");
        assertThat(run("normalize", SCENARIO, "--out", file.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(14);
        assertThat(lines).allMatch(l -> l.startsWith("{\"activity_id\":") && l.endsWith("}"));
        assertThat(lines).anyMatch(l -> l.contains("\"class_uid\":3002")).anyMatch(l -> l.contains("\"class_uid\":3001"))
                .anyMatch(l -> l.contains("\"class_uid\":6003"));
        assertThat(out.toString()).contains("Read 1 files, 15 records: 0 skipped, 1 quarantined.",
                "Wrote 14 OCSF events to " + file);

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run("normalize", SCENARIO, "-o", "-")).isZero();
        assertThat(out.toString().lines()).hasSize(14).containsExactlyElementsOf(lines);
        assertThat(err.toString()).contains("Wrote 14 OCSF events to standard output.");
    }

    @Test
    void normalizeNeedsAnOutput() {
        assertThat(run("normalize", SCENARIO)).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("Missing required option: '--out=FILE'");
    }

    @Test
    void rulesListsTheCatalogue() {
        assertThat(run("rules")).isZero();
        for (DetectorInfo d : Detectors.catalogue()) {
            assertThat(out.toString()).contains(d.id() + " — " + d.title());
        }
        assertThat(out.toString()).contains("ATT&CK:", "Playbook:", "Logic:", "Defaults:", "fanOutThreshold=5");
        assertThat(run("rules", "no-such-rule")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("unknown detector 'no-such-rule': expected one of command-execution");
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
