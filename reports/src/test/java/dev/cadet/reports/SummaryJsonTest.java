package dev.cadet.reports;

import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.ScanResult;
import dev.cadet.reports.internal.JsonText;
import dev.cadet.reports.internal.Text;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SummaryJsonTest {

    private static final List<String> KEYS = List.of("files", "records_read", "events", "skipped", "quarantined",
            "duplicates", "late", "findings_by_detector", "incidents_by_decision", "incidents", "quarantine_reasons",
            "coverage", "file_errors", "filter");

    @Test
    void emptyScanHasEveryKeyWithZeros() {
        String json = Render.summary(Fixtures.empty());
        Map<String, Object> s = Json.object(Json.read(json));
        assertThat(s.keySet()).containsExactlyElementsOf(KEYS);
        assertThat(s).contains(entry("files", 0L), entry("records_read", 0L), entry("events", 0L),
                entry("skipped", 0L), entry("quarantined", 0L), entry("duplicates", 0L), entry("late", 0L));
        assertThat(Json.object(s.get("findings_by_detector"))).isEmpty();
        assertThat(Json.object(s.get("incidents_by_decision"))).containsExactly(entry("ESCALATE_TIER2", 0L),
                entry("TIER1_REVIEW", 0L), entry("BENIGN", 0L));
        assertThat(Json.array(s.get("incidents"))).isEmpty();
        assertThat(Json.object(s.get("quarantine_reasons"))).isEmpty();
        assertThat(Json.array(s.get("coverage"))).isEmpty();
        assertThat(Json.array(s.get("file_errors"))).isEmpty();
        assertThat(json).endsWith("}\n").doesNotContain("\r");
    }

    @Test
    void realisticScanCounts() {
        Map<String, Object> s = Json.object(Json.read(Render.summary(Fixtures.realistic())));
        assertThat(s).contains(entry("files", 4L), entry("records_read", 76L), entry("events", 65L),
                entry("skipped", 1L), entry("quarantined", 10L), entry("duplicates", 3L), entry("late", 1L));
        assertThat(Json.object(s.get("findings_by_detector"))).containsExactly(entry("command-execution", 2L),
                entry("denied-command-burst", 1L), entry("failed-then-success", 1L), entry("iam-then-command", 1L),
                entry("rare-command", 1L), entry("suspicious-command-content", 1L));
        assertThat(Json.object(s.get("incidents_by_decision"))).containsExactly(entry("ESCALATE_TIER2", 1L),
                entry("TIER1_REVIEW", 1L), entry("BENIGN", 1L));
        assertThat(Json.object(s.get("quarantine_reasons"))).containsExactly(
                entry("invalid JSON: unexpected end of input in a string value", 1L),
                entry("missing required field 'time'", 7L), entry("unsupported eventVersion '0.9'", 2L));
        List<Object> incidents = Json.array(s.get("incidents"));
        assertThat(incidents).hasSize(3);
        Map<String, Object> first = Json.object(incidents.get(0));
        assertThat(first.keySet()).containsExactly("id", "decision", "severity", "principals", "first_seen",
                "last_seen");
        assertThat(first).contains(entry("id", "INC-001"), entry("decision", "ESCALATE_TIER2"),
                entry("severity", "CRITICAL"), entry("first_seen", "2024-05-01T10:02:11.000Z"),
                entry("last_seen", "2024-05-01T10:09:40.000Z"));
        Map<String, Object> coverage = Json.object(Json.array(s.get("coverage")).get(0));
        assertThat(coverage.keySet()).containsExactly("provider", "account", "region", "first_seen", "last_seen",
                "events", "gaps");
        assertThat(Json.array(s.get("file_errors"))).singleElement().satisfies(e -> assertThat(Json.object(e))
                .containsExactly(entry("file", Fixtures.TRUNCATED_FILE),
                        entry("error", "truncated gzip stream after record #10; 9 events salvaged")));
    }

    @Test
    void hostileStringsRoundTripAndNeverReachTheFileRaw() {
        ScanResult r = Fixtures.hostile();
        String json = Render.summary(r);
        Map<String, Object> s = Json.object(Json.read(json));

        Set<String> detectors = r.findings().stream().map(Finding::detector).map(JsonText::value)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(Json.object(s.get("findings_by_detector")).keySet()).containsExactlyElementsOf(detectors);
        List<Object> incidents = Json.array(s.get("incidents"));
        for (int k = 0; k < incidents.size(); k++) {
            Incident i = r.incidents().get(k);
            assertThat(Json.object(incidents.get(k)).get("principals"))
                    .isEqualTo(i.principals().stream().map(JsonText::value).toList());
        }
        assertThat(json.chars().filter(c -> Text.isHidden(c) && !Character.isSurrogate((char) c)).count())
                .as("raw control, bidi or invisible characters").isZero();
        assertThat(json).contains("\\u202Eexe.txt", "\\u001B[31mred", "\\u2066isolate\\u2069", "\\u009B2J");
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharactersButPairsSurvive() {
        assertThat(JsonText.value("a\ud800b")).isEqualTo("a\uFFFDb");
        assertThat(JsonText.value("x\udc00")).isEqualTo("x\uFFFD");
        assertThat(JsonText.value("emoji \ud83d\ude00")).isEqualTo("emoji \ud83d\ude00");
    }
}
