package dev.cadet.cli.internal.baseline;

import dev.cadet.detectors.Baseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineFileTest {

    @TempDir
    Path dir;

    private static Baseline sample() {
        return new Baseline(1_700_000_000_000L, 1_700_086_400_000L, 42, List.of(
                new Baseline.PrincipalHistory("arn:aws:iam::111122223333:user/ann", List.of("198.51.100.0/24",
                        "2001:db8:1::/48"), List.of("DE"), List.of("AWS-RunShellScript"), List.of("i-1"), 3, 2, 7, 40)),
                Map.of("i-1", List.of("AWS-RunShellScript")), List.of(new Baseline.AccountHistory("111122223333", 3, 7)));
    }

    @Test
    void writesReadableJsonAndReadsBackTheSameBaseline() throws Exception {
        Path file = dir.resolve("sub/baseline.json");
        BaselineFile.write(sample(), file);
        String json = Files.readString(file);
        assertThat(json).contains("\"format\" : \"cadet-baseline\"").contains("\"from\" : \"2023-11-14T22:13:20Z\"")
                .contains("\n");
        assertThat(BaselineFile.read(file)).isEqualTo(sample());
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aWrongFileSaysWhereAndWhat() throws Exception {
        Path file = dir.resolve("b.json");
        Files.writeString(file, "{\"format\":\"cadet-baseline\",\"version\":1,\n\"from\":\"yesterday\"}");
        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessage(file + " line 2, column 8: 'from' must be an"
                + " ISO-8601 instant such as 2026-03-01T00:00:00Z, was 'yesterday'");
        Files.writeString(file, "{\"format\":\"something-else\",\"version\":1}");
        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessage(file + ": 'format' must be \"cadet-baseline\","
                + " was \"something-else\"; is this a cadet baseline file?");
        Files.writeString(file, "{\"format\":\"cadet-baseline\",\"version\":1,\"from\":\"2024-01-01T00:00:00Z\","
                + "\"until\":\"2024-01-02T00:00:00Z\",\"principals\":[{\"principal\":\"p\",\"networks\":[\"10.0.0.0/8\"]}]}");
        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessage(file + ": principal p: network '10.0.0.0/8' is not"
                + " an IPv4 /24 or IPv6 /48 block");
        Files.writeString(file, "{\"format\":");
        assertThatThrownBy(() -> BaselineFile.read(file)).hasMessageStartingWith(file + " line 1, column ")
                .hasMessageContaining("not valid JSON");
    }
}
