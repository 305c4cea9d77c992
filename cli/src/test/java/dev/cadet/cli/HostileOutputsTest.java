package dev.cadet.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CloudTrail written by the attacker being investigated: hostile text in every field the attacker
 * controls (principal and user names, user agent, source, targets, document, command text, error code and
 * message, event id, account, region, new access key, even the log's file name) goes through a real scan
 * into every output. No output may carry a control, bidi or invisible character that drives a terminal or
 * a renderer, report.md may hold no HTML, image or outside link, every CSV cell must be inert in a
 * spreadsheet and every row whole, summary.json must parse back to the exact values, and no value may
 * decide where a file is written.
 */
class HostileOutputsTest {

    /** Each value stacks several attacks; every attacker-controlled field gets one. */
    static final List<String> HOSTILE = List.of(
            "=HYPERLINK(\"http://evil.example/x\",\"click\")",
            "\u001b[31mred\u001b[0m\u001b]8;;http://evil.example\u0007osc8-link\u001b]8;;\u0007",
            "<img src=x onerror=alert(1)><script>alert(2)</script>",
            "| col | ![i](http://evil.example/i.png) [x](http://evil.example) <http://evil.example>",
            "```\nrm -rf / # fence break\n```\n# heading\n- list",
            "\u202etxt.exe\u2066isolate\u2069\u200bzero\u200ewidth\u061c",
            "line1\r\nline2\rline3\u2028line4\u2029line5\u0085nel",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3\t\ttab",
            "nul\u0000bell\u0007del\u007fcsi\u009b2J",
            "\ud800lone surrogate",
            "../../../../../../tmp/cadet-escape/owned");

    @TempDir
    static Path root;
    static Path out;
    static String console;
    static int exit;

    @BeforeAll
    static void scanHostileLogs() throws IOException {
        Path logs = Files.createDirectories(root.resolve("logs"));
        // The file name itself is attacker-chosen when logs are copied from a compromised bucket.
        Files.write(logs.resolve("evil|name`\u001b[2J\u202egnp.json"), records());
        out = root.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        exit = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), "scan", logs.toString(),
                "--out", out.toString(), "--threads", "1");
        console = o + "\n" + e;
    }

    /** Three failed logins, a success, a new access key and two commands, all by a hostile principal. */
    static byte[] records() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(ObjectWriteContext.empty(), bytes)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("Records");
            int minute = 0;
            for (int i = 0; i < 3; i++) {
                record(g, minute++, "signin", "ConsoleLogin", i, Map.of("ConsoleLogin", "Failure"), true);
            }
            record(g, minute++, "signin", "ConsoleLogin", 3, Map.of("ConsoleLogin", "Success"), false);
            record(g, minute++, "iam", "CreateAccessKey", 4, Map.of(), false);
            record(g, minute++, "ssm", "SendCommand", 5, Map.of(), false);
            record(g, minute, "ec2", "ModifyInstanceAttribute", 6, Map.of(), false);
            g.writeEndArray();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static String h(int i) {
        return HOSTILE.get(Math.floorMod(i, HOSTILE.size()));
    }

    private static void record(JsonGenerator g, int minute, String service, String name, int n,
                               Map<String, String> response, boolean failed) {
        g.writeStartObject();
        g.writeStringProperty("eventVersion", "1.08");
        g.writeObjectPropertyStart("userIdentity");
        g.writeStringProperty("type", "IAMUser");
        g.writeStringProperty("principalId", h(n + 1));
        g.writeStringProperty("arn", "arn:aws:iam::111122223333:user/" + HOSTILE.get(11) + h(0) + h(5));
        g.writeStringProperty("accountId", h(2));
        g.writeStringProperty("userName", h(4) + h(6));
        g.writeStringProperty("accessKeyId", "AKIA" + h(9));
        g.writeEndObject();
        g.writeStringProperty("eventTime", String.format("2024-05-01T10:%02d:00Z", minute));
        g.writeStringProperty("eventSource", service + ".amazonaws.com");
        g.writeStringProperty("eventName", name);
        g.writeStringProperty("awsRegion", h(3));
        g.writeStringProperty("sourceIPAddress", h(7) + ".evil.example");
        g.writeStringProperty("userAgent", h(1) + h(10));
        if (failed) {
            g.writeStringProperty("errorMessage", h(n) + h(8));
        }
        g.writeObjectPropertyStart("requestParameters");
        g.writeArrayPropertyStart("instanceIds");
        g.writeString("i-" + h(n));
        g.writeString(HOSTILE.get(11));
        g.writeEndArray();
        g.writeStringProperty("instanceId", "i-" + h(n + 3));
        g.writeStringProperty("userData", java.util.Base64.getEncoder().encodeToString(
                ("#!/bin/bash\n" + String.join("\n", HOSTILE)).getBytes(StandardCharsets.UTF_8)));
        g.writeStringProperty("documentName", h(n + 2));
        g.writeStringProperty("userName", h(n + 4));
        g.writeObjectPropertyStart("parameters");
        g.writeArrayPropertyStart("commands");
        for (String s : HOSTILE) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectPropertyStart("responseElements");
        response.forEach(g::writeStringProperty);
        g.writeObjectPropertyStart("accessKey");
        g.writeStringProperty("accessKeyId", "AKIA" + h(n + 5));
        g.writeEndObject();
        g.writeObjectPropertyStart("command");
        g.writeStringProperty("commandId", h(n + 6));
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringProperty("eventID", h(n) + "-" + n);
        g.writeStringProperty("recipientAccountId", h(2));
        g.writeEndObject();
    }

    @Test
    void theScanFindsTheAttackAndWritesOnlyItsOwnFilesInTheOutputFolder() throws IOException {
        assertThat(exit).as(console).isZero();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList())
                    .containsExactly("logs/evil|name`\u001b[2J\u202egnp.json", "out/findings.csv", "out/findings.jsonl", "out/incidents.csv",
                            "out/report.md", "out/summary.json", "out/timeline.csv");
        }
        assertThat(Path.of("/tmp/cadet-escape")).doesNotExist();
        String summary = Files.readString(out.resolve("summary.json"));
        assertThat(summary).contains("\"ESCALATE_TIER2\": 1");
    }

    @Test
    void everyOutputFileIsFreeOfCharactersThatDriveATerminalOrARenderer() throws IOException {
        for (String name : List.of("report.md", "findings.csv", "incidents.csv", "timeline.csv", "summary.json")) {
            String text = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
            // Tabs are kept inside CSV cells and report.md code blocks: they move the cursor, nothing more.
            assertNoDrivingCharacters(name, text, name.endsWith(".csv") ? "\n\r\t" : name.endsWith(".md") ? "\n\t" : "\n");
        }
    }

    @Test
    void theTerminalSummaryAndErrorsAreFreeOfThemToo() throws IOException {
        assertNoDrivingCharacters("console", console, "\n");
        assertThat(console).contains("ESCALATE_TIER2");

        // Under --strict the error message quotes the bad record's value and names the hostile file.
        Path strictLogs = Files.createDirectories(root.resolve("strict"));
        String bad = new String(records(), StandardCharsets.UTF_8).replace("2024-05-01T10:02:00Z",
                "\\u001b[2J\\u001b]0;owned\\u0007\u202e");
        Files.writeString(strictLogs.resolve("x\u001b[31m.json"), bad);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), "scan", "--strict",
                strictLogs.toString(), "--out", root.resolve("strict-out").toString());
        assertThat(code).isEqualTo(Main.EXIT_RUNTIME_ERROR);
        assertThat(e.toString()).contains("CloudTrail record #3").contains("is not a timestamp");
        assertNoDrivingCharacters("strict error", o + "\n" + e, "\n");
    }

    @Test
    void reportMarkdownHoldsNoHtmlNoImageAndNoLinkOutOfTheReport() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        Node doc = Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(md);
        List<String> problems = new ArrayList<>();
        List<String> code = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline n) {
                problems.add("inline HTML " + n.getLiteral());
            }

            @Override
            public void visit(HtmlBlock n) {
                problems.add("HTML block " + n.getLiteral());
            }

            @Override
            public void visit(Image n) {
                problems.add("image " + n.getDestination());
            }

            @Override
            public void visit(Link n) {
                if (!n.getDestination().startsWith("#")) {
                    problems.add("link " + n.getDestination());
                }
                visitChildren(n);
            }

            @Override
            public void visit(FencedCodeBlock n) {
                code.add(n.getLiteral());
            }
        });
        assertThat(problems).isEmpty();
        // The command text is shown verbatim, inside code blocks only, and no fence inside it closes the block.
        assertThat(code).anySatisfy(c -> assertThat(c).contains("rm -rf / # fence break").contains("@SUM(1+1)"));
        assertThat(md.replaceAll("(?s)\n *(`{3,}).*?\n *\\1\n", "\n")).doesNotContain("rm -rf /");
    }

    @Test
    void everyCsvRowIsWholeAndEveryCellIsInertInASpreadsheet() throws IOException {
        for (String name : List.of("findings.csv", "incidents.csv", "timeline.csv")) {
            String text = Files.readString(out.resolve(name));
            try (CSVParser csv = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
                List<CSVRecord> rows = csv.getRecords();
                assertThat(rows).as(name).hasSizeGreaterThan(1);
                int columns = rows.get(0).size();
                for (CSVRecord row : rows.subList(1, rows.size())) {
                    assertThat(row.size()).as("%s row %d", name, row.getRecordNumber()).isEqualTo(columns);
                    for (String cell : row) {
                        assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0)
                                .as("%s cell %s", name, cell).isTrue();
                    }
                }
            }
        }
        String timeline = Files.readString(out.resolve("timeline.csv"));
        assertThat(timeline).contains("'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"click\"\")");
    }

    @Test
    void summaryJsonParsesBackToTheExactLoggedValues() throws IOException {
        List<String> strings = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), out.resolve("summary.json").toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING) {
                    strings.add(p.getString());
                }
            }
        }
        String principal = "arn:aws:iam::111122223333:user/" + HOSTILE.get(11) + h(0) + h(5);
        assertThat(strings).contains(principal, h(2), h(3));
    }

    /** C0 controls (except those the format keeps), DEL, C1, bidi and invisible characters. */
    static void assertNoDrivingCharacters(String where, String text, String keptControls) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowedControl = keptControls.indexOf(c) >= 0;
            boolean control = (c < 0x20 && !allowedControl) || (c >= 0x7f && c <= 0x9f);
            boolean bidi = c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069);
            boolean separator = c == 0x2028 || c == 0x2029;
            boolean invisible = c == 0x200b || c == 0x00ad || c == 0xfeff || (c >= 0x2060 && c <= 0x2064);
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)));
            assertThat(control || bidi || separator || invisible || lone)
                    .as("%s: U+%04X at %d in ...%s...", where, (int) c, i,
                            text.substring(Math.max(0, i - 30), Math.min(text.length(), i + 10))).isFalse();
        }
    }
}
