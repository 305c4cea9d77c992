package dev.cadet.cli;

import dev.cadet.cli.internal.baseline.BaselineFile;
import dev.cadet.cli.internal.demo.DemoData;
import dev.cadet.detectors.Baseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Learn a baseline from the demo week, then scan the same week against it and with a configuration file. */
class BaselineCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void learnsFromLogsAndAScanUsesTheBaselineAndSaysSo() throws Exception {
        Path logs = dir.resolve("logs");
        new DemoData(DemoData.DEFAULT_SEED).writeTo(logs);
        Path file = dir.resolve("baseline.json");
        assertThat(run("baseline", "learn", logs.toString(), "--out", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Learned ").contains("principals").contains("Wrote " + file);
        Baseline b = BaselineFile.read(file);
        assertThat(b.principals()).extracting(Baseline.PrincipalHistory::principal)
                .contains(DemoData.INTRUDER_PRINCIPAL, "arn:aws:iam::111122223333:user/ci-deploy");

        Path config = dir.resolve("cadet.yaml");
        Files.writeString(config, "approved:\n  principals:\n"
                + DemoData.APPROVED_PRINCIPALS.stream().map(p -> "    - \"" + p + "\"\n").reduce("", String::concat)
                + "  sources:\n" + DemoData.APPROVED_SOURCES.stream().map(s -> "    - " + s + "\n").reduce("", String::concat));
        Path reports = dir.resolve("out");
        int code = run("scan", logs.toString(), "--out", reports.toString(), "--config", config.toString(),
                "--baseline", file.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Judged against the stored baseline " + file);
        String summary = Files.readString(reports.resolve("summary.json"), StandardCharsets.UTF_8);
        // A baseline learned from the very logs it judges knows the intrusion: nothing is new any more,
        // but the compromise indicators (failed then success, IAM change then commands) still escalate.
        assertThat(summary).containsPattern("\"ESCALATE_TIER2\"\\s*:\\s*1\\b");
    }

    @Test
    void aBaselineSubcommandWithoutLearnShowsUsage() {
        assertThat(run("baseline")).isEqualTo(Main.EXIT_USAGE);
        assertThat(out.toString()).contains("learn");
    }

    @Test
    void aBadConfigurationIsAUsageErrorWithItsLocation() throws Exception {
        Path config = dir.resolve("cadet.yaml");
        Files.writeString(config, "detectors:\n  command-spike:\n    floor: many\n");
        int code = run("scan", dir.toString(), "--out", dir.resolve("o").toString(), "--config", config.toString());
        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("cadet.yaml line 3, column 12: detectors.command-spike.floor must be a whole"
                + " number, was 'many'");
    }
}
