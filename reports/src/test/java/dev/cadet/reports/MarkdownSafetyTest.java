package dev.cadet.reports;

import dev.cadet.model.ContainmentStep;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.ScanResult;
import dev.cadet.reports.internal.MarkdownText;
import dev.cadet.reports.internal.Text;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses report.md back with a CommonMark parser (plus GitHub tables) and checks that nothing from
 * the logs became structure: no HTML, no image, no link but the report's own, no heading but the
 * report's own, no table row with a cell too many, no control character.
 */
class MarkdownSafetyTest {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** Headings the writer makes with fixed text; the others are incident and finding ids. */
    private static final Set<String> FIXED_HEADINGS = Set.of("cadet report: cloud administration command (T1651)",
            "Summary", "Reasons", "Analysis questions", "Tier-1 checks", "Who and what", "Findings", "Timeline",
            "Evidence", "Containment and Tier-2 steps", "Findings not in any incident", "Input accounting", "Totals",
            "Files", "Quarantined records", "Coverage", "Coverage gaps", "Detector counters");

    /** Strong emphasis the writer uses; input never gets any. */
    private static final Set<String> STRONG = Set.of("ESCALATE_TIER2", "TIER1_REVIEW", "BENIGN", "INFO", "LOW",
            "MEDIUM", "HIGH", "CRITICAL", "Warning:", "Note:", "Filter:", "does not hold",
            "Review before running; cadet never runs them.");

    static ScanResult fixture(String name) {
        return switch (name) {
            case "realistic" -> Fixtures.realistic();
            case "empty" -> Fixtures.empty();
            default -> Fixtures.hostile();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "empty", "hostile"})
    void inputAddsNoHtmlImageCodeSpanQuoteOrRule(String name) {
        Node doc = PARSER.parse(Render.markdown(fixture(name)));
        assertThat(nodes(doc, HtmlInline.class)).isEmpty();
        assertThat(nodes(doc, HtmlBlock.class)).isEmpty();
        assertThat(nodes(doc, Image.class)).isEmpty();
        assertThat(nodes(doc, Code.class)).isEmpty();
        assertThat(nodes(doc, IndentedCodeBlock.class)).isEmpty();
        assertThat(nodes(doc, BlockQuote.class)).isEmpty();
        assertThat(nodes(doc, ThematicBreak.class)).isEmpty();
        assertThat(nodes(doc, OrderedList.class)).isEmpty();
        assertThat(nodes(doc, Emphasis.class)).isEmpty();
        assertThat(nodes(doc, HardLineBreak.class)).isEmpty();
        assertThat(nodes(doc, LinkReferenceDefinition.class)).isEmpty();
        assertThat(nodes(doc, StrongEmphasis.class)).extracting(MarkdownSafetyTest::text).allMatch(STRONG::contains);
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "empty", "hostile"})
    void onlyLinksAreIdsPointingAtHeadingsOfTheReport(String name) {
        ScanResult r = fixture(name);
        Node doc = PARSER.parse(Render.markdown(r));
        Set<String> ids = ids(r);
        Set<String> anchors = new HashSet<>();
        nodes(doc, Heading.class).forEach(h -> anchors.add(MarkdownText.anchor(text(h))));
        for (Link link : nodes(doc, Link.class)) {
            assertThat(ids).as("link text").contains(text(link));
            assertThat(link.getDestination()).matches("#[a-z0-9_-]+");
            assertThat(link.getDestination()).isEqualTo("#" + MarkdownText.anchor(text(link)));
            assertThat(anchors).as("a heading for %s", link.getDestination()).contains(link.getDestination().substring(1));
            assertThat(link.getTitle()).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "empty", "hostile"})
    void headingsAreTheWritersOwn(String name) {
        ScanResult r = fixture(name);
        List<Heading> headings = nodes(PARSER.parse(Render.markdown(r)), Heading.class);
        Set<String> allowed = new HashSet<>(FIXED_HEADINGS);
        allowed.addAll(ids(r));
        assertThat(headings).extracting(MarkdownSafetyTest::text).allMatch(allowed::contains);

        long loose = r.findings().stream().filter(f -> r.incidents().stream()
                .noneMatch(i -> i.findings().stream().anyMatch(g -> g.id().equals(f.id())))).count();
        assertThat(count(headings, 1)).isEqualTo(1);
        assertThat(count(headings, 2)).isEqualTo(2 + r.incidents().size() + (loose > 0 ? 1 : 0));
        assertThat(count(headings, 3)).isEqualTo(8L * r.incidents().size() + 6);
        assertThat(count(headings, 4)).isEqualTo(r.findings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "empty", "hostile"})
    void everyTableRowHasTheHeadersColumnCount(String name) {
        String md = Render.markdown(fixture(name));
        for (TableBlock table : nodes(PARSER.parse(md), TableBlock.class)) {
            List<TableRow> rows = nodes(table, TableRow.class);
            int columns = nodes(rows.get(0), TableCell.class).size();
            assertThat(rows).allSatisfy(row -> assertThat(nodes(row, TableCell.class)).hasSize(columns));
        }
        // The parser pads and trims rows, so also count the unescaped pipes in the source.
        Integer pipes = null;
        for (String line : md.split("\n", -1)) {
            if (!line.startsWith("|")) {
                pipes = null;
                continue;
            }
            int n = unescapedPipes(line);
            if (pipes == null) {
                pipes = n;
            }
            assertThat(n).as("unescaped pipes in %s", line).isEqualTo(pipes);
        }
    }

    @Test
    void hostileTextSurvivesAsPlainTextInItsCell() {
        ScanResult r = Fixtures.hostile();
        Node doc = PARSER.parse(Render.markdown(r));
        Set<String> cells = new HashSet<>();
        nodes(doc, TableCell.class).forEach(c -> cells.add(text(c)));
        for (Finding f : r.findings()) {
            assertThat(cells).contains(shown(f.summary()), shown(f.detector()),
                    shown(f.evidence().get(0).source().userAgent()), shown(f.evidence().get(0).action()));
        }
    }

    @Test
    void commandsLandWholeInFencedBlocksTheyCannotClose() {
        ScanResult r = Fixtures.hostile();
        List<FencedCodeBlock> blocks = nodes(PARSER.parse(Render.markdown(r)), FencedCodeBlock.class);
        Set<String> literals = new HashSet<>();
        for (FencedCodeBlock b : blocks) {
            assertThat(b.getFenceCharacter()).isEqualTo("`");
            assertThat(b.getOpeningFenceLength()).isGreaterThan(longestBacktickRun(b.getLiteral()));
            literals.add(b.getLiteral());
        }
        for (Incident i : r.incidents()) {
            for (ContainmentStep s : i.containment()) {
                if (s.command() != null) {
                    assertThat(literals).contains(code(s.command()));
                }
            }
            for (Finding f : i.findings()) {
                assertThat(literals).contains(code(String.join("\n", f.evidence().get(0).command().lines())));
            }
        }
        assertThat(blocks).extracting(FencedCodeBlock::getInfo)
                .allMatch(info -> info.equals("sh") || info.equals("text") || info.equals("mermaid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "empty", "hostile"})
    void noControlOrBidiCharacterReachesTheFile(String name) {
        String md = Render.markdown(fixture(name));
        assertThat(md.codePoints().filter(Text::isHidden).count()).isZero();
        assertThat(md).doesNotContain("\r");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** What a reader sees of an escaped one-line string. */
    private static String shown(String raw) {
        return Text.oneLine(raw).strip();
    }

    /** What a fenced block holds for raw content. */
    private static String code(String raw) {
        String s = Text.visible(raw).replace("\r\n", "\n").replace('\r', '\n');
        return s.endsWith("\n") ? s : s + "\n";
    }

    private static Set<String> ids(ScanResult r) {
        Set<String> ids = new HashSet<>();
        r.incidents().forEach(i -> ids.add(i.id()));
        r.findings().forEach(f -> ids.add(f.id()));
        return ids;
    }

    private static long count(List<Heading> headings, int level) {
        return headings.stream().filter(h -> h.getLevel() == level).count();
    }

    private static int unescapedPipes(String line) {
        int n = 0;
        int backslashes = 0;
        for (char c : line.toCharArray()) {
            if (c == '|' && backslashes % 2 == 0) {
                n++;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return n;
    }

    private static int longestBacktickRun(String s) {
        int longest = 0;
        int run = 0;
        for (char c : s.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    static <T extends Node> List<T> nodes(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        walk(root, n -> {
            if (type.isInstance(n)) {
                found.add(type.cast(n));
            }
        });
        return found;
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            walk(child, visit);
        }
    }

    /** The plain text a reader sees in a node. */
    static String text(Node node) {
        StringBuilder b = new StringBuilder();
        walk(node, n -> {
            if (n instanceof org.commonmark.node.Text t) {
                b.append(t.getLiteral());
            } else if (n instanceof Code c) {
                b.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak) {
                b.append(' ');
            }
        });
        return Stream.of(b.toString()).map(String::strip).findFirst().orElseThrow();
    }
}
