package dev.cadet.cli.internal.config;

import dev.cadet.detectors.DetectionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CadetConfigTest {

    private static final Path EXAMPLE = Path.of(System.getProperty("cadet.root.dir", ".."), "docs", "cadet.example.yaml");

    private static DetectionConfig config(String yaml) {
        return CadetConfig.parse("cadet.yaml", yaml, Path.of(".")).apply(DetectionConfig.builder()).build();
    }

    private static String error(String yaml) {
        try {
            config(yaml);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Test
    void theDocumentedExampleLoadsAndSetsWhatItSays() {
        CadetConfig c = CadetConfig.load(EXAMPLE);
        DetectionConfig d = c.apply(DetectionConfig.builder()).build();
        assertThat(d.approvedPrincipals()).contains("arn:aws:iam::111122223333:user/ci-deploy");
        assertThat(d.approvedSources()).contains("2001:db8:100::/48", "ssm.amazonaws.com");
        assertThat(d.approvedDocuments()).containsExactly("AWS-RunPatchBaseline", "Company-*");
        assertThat(d.maintenanceWindows()).extracting(w -> w.name()).containsExactly("sunday patching", "datacenter migration");
        assertThat(d.learningPeriod()).isEqualTo(Duration.ofHours(24));
        assertThat(d.spikeRatio()).isEqualTo(3.0);
        assertThat(d.deniedBurstWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.iocAddresses()).containsExactly("185.220.101.0/24");
        assertThat(c.lateness()).isEqualTo(Duration.ofHours(1));
        assertThat(c.geoip()).isNull();
    }

    @Test
    void anEmptyFileChangesNothing() {
        assertThat(config("")).isEqualTo(DetectionConfig.defaults());
        assertThat(config("# only comments\n")).isEqualTo(DetectionConfig.defaults());
    }

    @Test
    void wrongValuesNameTheLineTheKeyAndWhatWasExpected() {
        assertThat(error("detectors:\n  command-spike:\n    ratio: abc\n"))
                .isEqualTo("cadet.yaml line 3, column 12: detectors.command-spike.ratio must be a number, was 'abc'");
        assertThat(error("detectors:\n  command-spike:\n    ratio: 0.5\n"))
                .isEqualTo("cadet.yaml line 3, column 12: detectors.command-spike.ratio must be a number > 1, was 0.5");
        assertThat(error("lateness: soon\n"))
                .isEqualTo("cadet.yaml line 1, column 11: lateness must be a duration such as 90s, 30m, 1h, 2d or PT1H,"
                        + " was 'soon'");
        assertThat(error("lateness: -5m\n"))
                .isEqualTo("cadet.yaml line 1, column 11: lateness must be >= 0, was -PT5M");
        assertThat(error("approved:\n  sources:\n    - 10.0.0.0/8\n    - 10.0.0.0/33\n"))
                .isEqualTo("cadet.yaml line 4, column 7: approved.sources[1] has a prefix length outside 0..32:"
                        + " '10.0.0.0/33'");
        assertThat(error("detectors:\n  failed-then-success:\n    threshold: 2.5\n"))
                .isEqualTo("cadet.yaml line 3, column 16: detectors.failed-then-success.threshold must be a whole"
                        + " number, was '2.5'");
    }

    @Test
    void unknownKeysListTheKnownOnes() {
        assertThat(error("aproved:\n  principals: [x]\n"))
                .startsWith("cadet.yaml line 2, column 3: aproved is not a known key; expected one of lateness,"
                        + " incidentGap, approved,");
        assertThat(error("detectors:\n  command-spikes:\n    floor: 3\n"))
                .startsWith("cadet.yaml line 3, column 5: detectors.command-spikes is not a known key; expected one of"
                        + " command-execution, command-spike,");
        assertThat(error("approved: [a, b]\n"))
                .isEqualTo("cadet.yaml line 1, column 11: approved must be a mapping with keys principals, sources,"
                        + " documents, was a list");
    }

    @Test
    void maintenanceWindowsAreCheckedFieldByField() {
        assertThat(error("maintenanceWindows:\n  - name: w\n    principals: [x]\n    days: [FUNDAY]\n"
                + "    start: '01:00'\n    length: 1h\n"))
                .isEqualTo("cadet.yaml line 4, column 12: maintenanceWindows[0].days[0] must be a day of the week such"
                        + " as MONDAY or mon, was 'FUNDAY'");
        assertThat(error("maintenanceWindows:\n  - name: w\n    principals: [x]\n    days: [sun]\n    length: 1h\n"))
                .isEqualTo("cadet.yaml line 2, column 5: maintenanceWindows[0] needs the key 'start'");
        assertThat(error("maintenanceWindows:\n  - name: w\n    principals: [x]\n    from: yesterday\n    until: x\n"))
                .isEqualTo("cadet.yaml line 4, column 11: maintenanceWindows[0].from must be an ISO-8601 instant such"
                        + " as 2026-03-07T20:00:00Z, was 'yesterday'");
    }

    @Test
    void brokenYamlSaysWhere() {
        assertThat(error("approved:\n  principals: [a, b\n")).startsWith("cadet.yaml line ").contains("not valid YAML");
        assertThat(error("lateness: 1h\nlateness: 2h\n")).isEqualTo("cadet.yaml line 2, column 1: lateness is given twice");
    }

    @Test
    void aPatternFileIsReadRelativeToTheConfigurationAndCheckedWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "ok HIGH T1059 https://e evil\nbad HIGH T1059 https://e (\n");
        Files.writeString(dir.resolve("cadet.yaml"), "detectors:\n  suspicious-command-content:\n    patterns: mine.txt\n");
        assertThatThrownBy(() -> CadetConfig.load(dir.resolve("cadet.yaml")))
                .hasMessageStartingWith("cadet.yaml line 3, column 15: detectors.suspicious-command-content.patterns"
                        + " mine.txt line 2: regex does not compile");
        Files.writeString(dir.resolve("cadet.yaml"), "geoip: nowhere.mmdb\n");
        assertThatThrownBy(() -> CadetConfig.load(dir.resolve("cadet.yaml")))
                .hasMessage("cadet.yaml line 1, column 8: geoip must name a MaxMind DB file (.mmdb) that exists,"
                        + " was 'nowhere.mmdb'");
    }
}
