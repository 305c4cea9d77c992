package dev.cadet.detectors;

import dev.cadet.detectors.internal.incident.EscalationPolicy;
import dev.cadet.detectors.internal.incident.PolicyRule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue, the built-in detectors and docs/detectors.md say the same thing. */
class CatalogueTest {

    private static final Path PLAYBOOK = Path.of(System.getProperty("cadet.shared.dir", "../../shared"),
            "playbook", "T1651-cloud-administration-command.md");

    private static String doc() throws IOException {
        Path doc = Path.of(System.getProperty("cadet.root.dir", ".."), "docs", "detectors.md");
        return Files.readString(doc, StandardCharsets.UTF_8);
    }

    @Test
    void catalogueAndBuiltInDetectorsAgree() {
        assertThat(Detectors.catalogue()).extracting(DetectorInfo::id).containsExactlyElementsOf(
                Detectors.builtIn(DetectionConfig.defaults()).stream().map(Detector::id).toList());
    }

    @Test
    void everyCatalogueEntryIsOnTheDocPage() throws IOException {
        String doc = doc();
        for (DetectorInfo info : Detectors.catalogue()) {
            assertThat(doc).as(info.id())
                    .contains("### `" + info.id() + "` — " + info.title())
                    .contains("| Playbook line | " + info.playbookLine() + " |")
                    .contains("| ATT&CK | " + info.attack() + " |")
                    .contains("| Logic | " + info.logic() + " |")
                    .contains("| Defaults | " + defaults(info.defaults()) + " |");
        }
    }

    @Test
    void everyPolicyRuleIsOnTheDocPage() throws IOException {
        String doc = doc();
        for (PolicyRule rule : EscalationPolicy.RULES) {
            assertThat(doc).contains("| `" + rule.id() + "` | " + rule.decision() + " | ");
            rule.detectors().forEach(d -> assertThat(doc).contains(d));
        }
        assertThat(doc).contains("| `" + EscalationPolicy.UNUSUAL_ACTIVITY + "` | TIER1_REVIEW | ");
    }

    @Test
    void playbookQuotesAreTheRealPlaybook() throws IOException {
        Assumptions.assumeTrue(Files.exists(PLAYBOOK), "playbook not beside the checkout");
        String playbook = Files.readString(PLAYBOOK, StandardCharsets.UTF_8);
        for (DetectorInfo info : Detectors.catalogue()) {
            for (String quote : quotes(info.playbookLine())) {
                assertThat(playbook).as(info.id()).contains(quote);
            }
        }
        for (PolicyRule rule : EscalationPolicy.RULES) {
            for (String quote : quotes(rule.text())) {
                assertThat(playbook).as(rule.id()).contains(quote);
            }
        }
        for (String quote : quotes(EscalationPolicy.UNUSUAL_ACTIVITY_TEXT)) {
            assertThat(playbook).contains(quote);
        }
    }

    private static String defaults(Map<String, String> defaults) {
        return defaults.entrySet().stream().map(e -> "`" + e.getKey() + "` = " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The text between each pair of double quotes. */
    private static java.util.List<String> quotes(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf('"', from);
            int close = open < 0 ? -1 : text.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            out.add(text.substring(open + 1, close));
            from = close + 1;
        }
        assertThat(out).as("quotes in: " + text).isNotEmpty();
        return out;
    }
}
