package dev.cadet.cli;

import dev.cadet.cli.internal.demo.DemoData;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.model.Decision;
import dev.cadet.model.Incident;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo week must end in one escalation for the planted intruder and none for the routine. */
class DemoEndToEndTest {

    @TempDir
    static Path dir;
    static ScanResult result;

    @BeforeAll
    static void scanTheDemoWeek() {
        Path logs = dir.resolve("logs");
        new DemoData(DemoData.DEFAULT_SEED).writeTo(logs);
        DetectionConfig config = DetectionConfig.builder()
                .approvedPrincipals(DemoData.APPROVED_PRINCIPALS)
                .approvedSources(DemoData.APPROVED_SOURCES)
                .build();
        result = new ScanJob(LogReader.create(), config, 2, new ByteArrayInputStream(new byte[0])).run(List.of(logs));
    }

    @Test
    void everyRecordBecomesAnEvent() {
        assertThat(result.input().files()).hasSizeGreaterThan(50);
        assertThat(result.input().quarantined()).isZero();
        assertThat(result.input().filesWithErrors()).isEmpty();
        assertThat(result.input().events()).isEqualTo(result.input().records()).isGreaterThan(3000);
        assertThat(result.pipeline().duplicates()).isZero();
    }

    @Test
    void exactlyOneEscalationAndItIsTheIntruder() {
        List<Incident> escalated = result.incidents().stream()
                .filter(i -> i.decision() == Decision.ESCALATE_TIER2).toList();
        assertThat(escalated).hasSize(1);
        Incident intrusion = escalated.get(0);
        assertThat(intrusion.principals()).contains(DemoData.INTRUDER_PRINCIPAL);
        assertThat(intrusion.sourceIps()).contains(DemoData.INTRUDER_IP);
        assertThat(intrusion.accessKeys()).contains(DemoData.INTRUDER_KEY);
        assertThat(intrusion.findings()).extracting(f -> f.detector())
                .contains("failed-then-success", "iam-then-command", "command-execution");
        assertThat(intrusion.targets()).contains("i-0a1b2c3d4e5f60001", "i-0e9f8a7b6c5d40011");
        assertThat(intrusion.containment()).anySatisfy(step ->
                assertThat(step.command()).contains("update-access-key").contains(DemoData.INTRUDER_KEY));
        assertThat(intrusion.reasons()).allSatisfy(reason -> assertThat(reason.findingIds()).isNotEmpty());
    }

    @Test
    void routineAutomationIsNotEscalated() {
        for (Incident incident : result.incidents()) {
            boolean automation = incident.principals().stream()
                    .allMatch(p -> p.contains("AWSServiceRoleForAmazonSSM") || p.endsWith(":user/ci-deploy"));
            if (automation) {
                assertThat(incident.decision()).as(incident.id() + " " + incident.principals())
                        .isEqualTo(Decision.BENIGN);
            }
        }
        assertThat(result.incidents()).anySatisfy(i -> assertThat(i.decision()).isEqualTo(Decision.BENIGN));
    }

    @Test
    void commandLineWritesTheReportsAndHonoursFailOn() throws Exception {
        Path out = dir.resolve("cli-out");
        StringWriter console = new StringWriter();
        StringWriter errors = new StringWriter();
        int code = Main.run(new PrintWriter(console, true), new PrintWriter(errors, true),
                "demo", "--out", out.toString(), "--fail-on", "escalate");

        assertThat(code).as(errors.toString()).isEqualTo(Main.EXIT_FAIL_ON);
        assertThat(out.resolve("report.md")).exists();
        assertThat(out.resolve("findings.csv")).exists();
        assertThat(out.resolve("incidents.csv")).exists();
        assertThat(out.resolve("timeline.csv")).exists();
        String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        assertThat(summary).containsPattern("\"ESCALATE_TIER2\"\\s*:\\s*1\\b");
        String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(report).contains(DemoData.INTRUDER_IP).contains("ESCALATE_TIER2");
        assertThat(console.toString()).contains("ESCALATE_TIER2");
    }
}
