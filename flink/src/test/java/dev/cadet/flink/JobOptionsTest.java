package dev.cadet.flink;

import dev.cadet.cli.ScanFiles;
import dev.cadet.cli.Main;
import dev.cadet.cli.internal.demo.DemoData;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.KeyedDetection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobOptionsTest {

    @Test
    void parsesTheCommandLine() {
        JobOptions o = JobOptions.parse("--input", "s3://logs/AWSLogs", "--input", "/data/azure", "--output", "/out",
                "--monitor", "30s", "--lateness", "2h", "--approved-principal", "arn:aws:iam::*:user/ci-deploy",
                "--approved-source", "203.0.113.0/28", "--checkpoint-interval", "PT5M");
        assertThat(o.inputs()).containsExactly("s3://logs/AWSLogs", "/data/azure");
        assertThat(o.monitorInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.checkpointInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.config().allowedLateness()).isEqualTo(Duration.ofHours(2));
        assertThat(o.config().approvedPrincipals()).containsExactly("arn:aws:iam::*:user/ci-deploy");
        assertThat(o.config().learningPeriod()).as("a continuous job cannot learn from its first day").isZero();
    }

    @Test
    void aBaselineFileFromCadetBaselineLearnIsReadAndShippedWithTheJob(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        new DemoData(DemoData.DEFAULT_SEED).writeTo(logs);
        Path file = dir.resolve("baseline.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "baseline", "learn", logs.toString(),
                "--out", file.toString())).as(err.toString()).isZero();

        JobOptions o = JobOptions.parse("--input", logs.toString(), "--output", "out", "--baseline", file.toString());
        // The options travel to the tasks by Java serialization, the baseline with them.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            oos.writeObject(o);
        }
        JobOptions shipped;
        try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (JobOptions) ois.readObject();
        }
        DetectionConfig config = shipped.config();
        assertThat(config.baseline()).isEqualTo(ScanFiles.read(null, file).baseline());
        assertThat(config.baseline().principals()).isNotEmpty();
        assertThat(config.baselineSource()).isEqualTo(file.toString());
        assertThat(KeyedDetection.create(config)).as("a stored baseline is what keyed detection needs").isNotNull();

        assertThatThrownBy(() -> JobOptions.parse("--input", "in", "--output", "out", "--baseline",
                dir.resolve("missing.json").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.json");
    }

    @Test
    void aConfigurationFileSetsWhatCadetScanWouldAndOptionsComeOnTop(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("cadet.yaml");
        Files.writeString(yaml, """
                lateness: 2h
                approved:
                  principals: ["arn:aws:iam::111122223333:user/ci-deploy"]
                  documents: ["Company-*"]
                detectors:
                  failed-then-success:
                    threshold: 7
                threatIntel:
                  addresses: ["185.220.101.0/24"]
                """);
        DetectionConfig config = JobOptions.parse("--input", "in", "--output", "out", "--config", yaml.toString(),
                "--approved-principal", "arn:aws:iam::111122223333:user/admin", "--lateness", "3h").config();
        assertThat(config.failedThenSuccessThreshold()).isEqualTo(7);
        assertThat(config.approvedDocuments()).containsExactly("Company-*");
        assertThat(config.iocAddresses()).containsExactly("185.220.101.0/24");
        assertThat(config.approvedPrincipals()).containsExactly("arn:aws:iam::111122223333:user/ci-deploy",
                "arn:aws:iam::111122223333:user/admin");
        assertThat(config.allowedLateness()).isEqualTo(Duration.ofHours(3));

        Files.writeString(yaml, "geoip: GeoLite2-City.mmdb\n");
        assertThatThrownBy(() -> JobOptions.parse("--input", "in", "--output", "out", "--config", yaml.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("geoip");
    }

    @Test
    void readsOnceAndEndsByDefault() {
        JobOptions o = JobOptions.parse("--input", "in", "--output", "out");
        assertThat(o.monitorInterval()).isNull();
        assertThat(o.approvedSources()).isEmpty();
        assertThat(o.inputs()).isEqualTo(List.of("in"));
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> JobOptions.parse("--output", "out"))
                .hasMessage("--input is required: a folder or file to read");
        assertThatThrownBy(() -> JobOptions.parse("--input", "in", "--output", "out", "--lateness", "soon"))
                .hasMessage("--lateness must be a duration such as 30s, 5m, 1h, 2d or PT1H, was 'soon'");
        assertThatThrownBy(() -> JobOptions.parse("--input", "in", "--outptu", "out"))
                .hasMessageStartingWith("unknown option --outptu");
        assertThatThrownBy(() -> JobOptions.parse("--input")).hasMessage("--input needs a value");
    }
}
