package dev.cadet.flink;

import org.junit.jupiter.api.Test;

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
