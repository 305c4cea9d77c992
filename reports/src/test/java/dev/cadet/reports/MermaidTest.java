package dev.cadet.reports;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Decision;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.InputReport;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PipelineCounters;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.ScanResult;
import dev.cadet.model.Severity;
import dev.cadet.model.Source;
import dev.cadet.reports.internal.MermaidText;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline diagrams must always parse, whatever the logs hold. Checked twice: every line against
 * the small grammar the writer uses, with labels limited to a character subset that has no meaning
 * in Mermaid; and, where node and the Mermaid npm package are installed, with Mermaid's own parser.
 */
class MermaidTest {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Path CHECKER = Path.of("src", "test", "mermaid");

    private static final Pattern HEADER = Pattern.compile("flowchart TD");
    private static final Pattern NODE = Pattern.compile("  (n[0-9]+|more)\\[\"(.*)\"\\]");
    private static final Pattern EDGE = Pattern.compile("  n[0-9]+ --> (n[0-9]+|more)");
    private static final Pattern CLASS_DEF = Pattern.compile("  classDef [a-z]+ fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6}");
    private static final Pattern CLASS = Pattern.compile("  class n[0-9]+(,n[0-9]+)* [a-z]+");

    static List<String> diagrams(ScanResult r) {
        List<String> out = new ArrayList<>();
        MarkdownSafetyTest.nodes(MARKDOWN.parse(Render.markdown(r)), FencedCodeBlock.class).stream()
                .filter(b -> "mermaid".equals(b.getInfo())).forEach(b -> out.add(b.getLiteral()));
        return out;
    }

    static ScanResult fixture(String name) {
        return name.equals("long") ? longIncident() : MarkdownSafetyTest.fixture(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "empty", "hostile", "long"})
    void everyLineIsInTheWritersGrammarAndLabelsInTheSafeSubset(String name) {
        ScanResult r = fixture(name);
        List<String> diagrams = diagrams(r);
        assertThat(diagrams).hasSize(r.incidents().size());
        for (String d : diagrams) {
            String[] lines = d.split("\n");
            assertThat(lines[0]).matches(HEADER);
            for (String line : List.of(lines).subList(1, lines.length)) {
                Matcher node = NODE.matcher(line);
                if (node.matches()) {
                    for (String part : node.group(2).split("<br/>", -1)) {
                        assertThat(part.codePoints().allMatch(MermaidText::isSafe)).as("label part %s", part).isTrue();
                    }
                } else {
                    assertThat(line).matches(l -> EDGE.matcher(l).matches() || CLASS_DEF.matcher(l).matches()
                            || CLASS.matcher(l).matches(), "an edge or class line");
                }
            }
        }
    }

    @Test
    void hostileStringsKeepOnlySafeCharacters() {
        for (String s : Fixtures.HOSTILE) {
            String label = MermaidText.label(s);
            assertThat(label.codePoints().allMatch(MermaidText::isSafe)).as(label).isTrue();
            assertThat(label).doesNotContain("\"", "#", ";", "`", "<", ">", "%", "$", "[", "]", "|", "&", "\\", "\n");
        }
        assertThat(MermaidText.label("arn:aws:iam::111122223333:user/alice")).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(MermaidText.label("Zürich 東京")).isEqualTo("Zürich 東京");
    }

    @Test
    void repeatedStepsCollapseAndLongTimelinesAreCut() {
        String d = diagrams(longIncident()).get(0);
        assertThat(d).contains("ssm:SendCommand FAILURE x5");
        assertThat(d.lines().filter(l -> NODE.matcher(l).matches())).hasSize(31);
        assertThat(d).contains("  more[\"11 more steps: see the timeline table and timeline.csv\"]", "  n30 --> more");
    }

    @Test
    void mermaidItselfParsesEveryDiagram(@TempDir Path tmp) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isDirectory(CHECKER.resolve("node_modules").resolve("mermaid")),
                "the Mermaid npm package is not installed: run 'npm ci --prefix reports/src/test/mermaid' "
                        + "(needs node) to parse the diagrams with Mermaid itself");
        List<String> files = new ArrayList<>();
        for (String name : List.of("realistic", "hostile", "long")) {
            List<String> diagrams = diagrams(fixture(name));
            for (int i = 0; i < diagrams.size(); i++) {
                Path f = tmp.resolve(name + "-" + i + ".mmd");
                Files.writeString(f, diagrams.get(i), StandardCharsets.UTF_8);
                files.add(f.toString());
            }
        }
        // A broken diagram must fail, or the check proves nothing.
        Path broken = tmp.resolve("broken.mmd");
        Files.writeString(broken, "flowchart TD\n  n1[\"a\"b\"] --> n2[\"x\n", StandardCharsets.UTF_8);
        files.add(broken.toString());

        List<String> command = new ArrayList<>(List.of("node", "check.mjs"));
        command.addAll(files);
        Process p;
        try {
            p = new ProcessBuilder(command).directory(CHECKER.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("node is not on the PATH: " + e.getMessage());
            return;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        List<String> lines = output.lines().filter(l -> l.startsWith("ok ") || l.startsWith("fail ")).toList();
        assertThat(lines).as(output).hasSize(files.size());
        assertThat(lines.subList(0, files.size() - 1)).as(output).allMatch(l -> l.startsWith("ok "));
        assertThat(lines.get(files.size() - 1)).as(output).startsWith("fail " + broken);
    }

    /** One incident whose evidence has 45 events in 41 steps (five identical failures first). */
    static ScanResult longIncident() {
        String who = "arn:aws:iam::111122223333:user/mallory";
        List<CloudEvent> events = new ArrayList<>();
        for (int k = 0; k < 45; k++) {
            boolean burst = k < 5;
            events.add(new CloudEvent(Provider.AWS, String.format("e-%03d", k), Fixtures.at(k, 0),
                    EventKind.COMMAND_EXECUTION, "ssm:SendCommand", burst ? Outcome.FAILURE : Outcome.SUCCESS,
                    burst ? "AccessDenied" : null, null, Actor.of(who, PrincipalType.USER),
                    new Source("198.51.100.7", null, "aws-cli/2", null, null),
                    List.of(burst ? "i-00000000000000000" : String.format("i-%017d", k)), null, null,
                    new CloudScope("111122223333", "us-east-1"), null, new Origin("a.json", k + 1, 1, 1)));
        }
        Finding f = new Finding("F-0001", "command-execution", Severity.MEDIUM, events.get(0).time(),
                events.get(44).time(), Provider.AWS, who, null, "198.51.100.7", "ssm:SendCommand", List.of(),
                "mallory ran 45 commands", events);
        Incident i = new Incident("INC-001", Decision.TIER1_REVIEW, Severity.MEDIUM, List.of(who), List.of(),
                List.of("198.51.100.7"), List.of(), f.firstSeen(), f.lastSeen(), List.of(), List.of(f), List.of(),
                List.of(), List.of());
        return new ScanResult(new InputReport(List.of(), List.of()), new PipelineCounters(45, 0, 0, Map.of()),
                List.of(), List.of(f), List.of(i));
    }
}
