package dev.cadet.cli;

import dev.cadet.cli.internal.generate.CorpusGenerator;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.model.Decision;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The corpus generator: reproducible bytes, real delivery layout, and planted attacks that the scan finds. */
class GenerateTest {

    private static final long SIZE = 3_000_000L;

    @Test
    void sameSeedWritesTheSameBytesWhateverTheThreads(@TempDir Path dir) throws IOException {
        new CorpusGenerator(SIZE, 7L, true, 1).writeTo(dir.resolve("a"));
        new CorpusGenerator(SIZE, 7L, true, 2).writeTo(dir.resolve("b"));
        List<Path> a = files(dir.resolve("a"));
        List<Path> b = files(dir.resolve("b"));
        assertThat(a).hasSameSizeAs(b).hasSizeGreaterThan(3);
        for (int i = 0; i < a.size(); i++) {
            assertThat(dir.resolve("a").relativize(a.get(i))).isEqualTo(dir.resolve("b").relativize(b.get(i)));
            assertThat(Files.readAllBytes(a.get(i))).as(a.get(i).toString()).isEqualTo(Files.readAllBytes(b.get(i)));
        }
    }

    @Test
    void writesCloudTrailDeliveryFilesOfAboutTheAskedSize(@TempDir Path dir) throws IOException {
        CorpusGenerator.Summary s = new CorpusGenerator(SIZE, 1L, false, 2).writeTo(dir);
        assertThat(s.jsonBytes()).isBetween(SIZE * 95 / 100, SIZE * 110 / 100);
        assertThat(s.fileBytes()).isEqualTo(s.jsonBytes());
        List<Path> files = files(dir);
        assertThat(files).hasSize(s.files()).allSatisfy(f -> assertThat(dir.relativize(f).toString())
                .matches("AWSLogs/\\d{12}/CloudTrail/[a-z]{2}-[a-z]+-\\d/2026/\\d\\d/\\d\\d/"
                        + "\\d{12}_CloudTrail_[a-z]{2}-[a-z]+-\\d_\\d{8}T\\d{4}Z_[A-Z2-7]{16}\\.json"));
        assertThat(dir.resolve(CorpusGenerator.MANIFEST)).content().contains("\"scenarios\"")
                .contains("brute-force-to-command");
    }

    @Test
    void theScanFindsEveryPlantedAttackAndEscalatesTheAccountCompromises(@TempDir Path dir) {
        CorpusGenerator.Summary s = new CorpusGenerator(SIZE, CorpusGenerator.DEFAULT_SEED, true, 2).writeTo(dir);
        DetectionConfig config = DetectionConfig.builder()
                .approvedPrincipals(CorpusGenerator.APPROVED_PRINCIPALS)
                .approvedSources(CorpusGenerator.APPROVED_SOURCES)
                .build();
        ScanResult result = new ScanJob(LogReader.create(), config, 2, new ByteArrayInputStream(new byte[0]))
                .run(List.of(dir));

        assertThat(result.input().events()).isEqualTo(s.records());
        assertThat(result.input().filesWithErrors()).isEmpty();
        assertThat(s.scenarios()).hasSize(4);
        for (CorpusGenerator.Scenario scenario : s.scenarios()) {
            assertThat(result.findings().stream().filter(f -> f.principal().equals(scenario.principal()))
                    .map(Finding::detector)).as(scenario.id()).containsAll(scenario.detectors());
            if (scenario.detectors().contains("failed-then-success")) {
                assertThat(result.incidents()).as(scenario.id()).anySatisfy(i -> {
                    assertThat(i.principals()).contains(scenario.principal());
                    assertThat(i.decision()).isEqualTo(Decision.ESCALATE_TIER2);
                });
            }
        }
        // Routine activity alone never escalates: every escalation is a planted attack.
        List<String> planted = s.scenarios().stream().map(CorpusGenerator.Scenario::principal).toList();
        for (Incident i : result.incidents()) {
            if (i.decision() == Decision.ESCALATE_TIER2) {
                assertThat(i.principals()).as(i.id()).anyMatch(planted::contains);
            }
        }
    }

    @Test
    void commandLineRefusesProvidersItCannotWrite(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "generate", "--size", "1MB", "--out", dir.toString(), "--providers", "aws,azure");
        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("only 'aws' can be generated so far, was 'azure'");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }
}
