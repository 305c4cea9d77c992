package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.FileReport;
import dev.cadet.model.Origin;
import dev.cadet.model.Reject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.cadet.parsers.Hostile.concat;
import static dev.cadet.parsers.Hostile.record;
import static dev.cadet.parsers.Hostile.recordsFile;
import static dev.cadet.parsers.Reads.gzip;
import static dev.cadet.parsers.Reads.read;
import static dev.cadet.parsers.Reads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The malformed-input corpus: each hostile input, generated here, with the outcome cadet promises for it
 * (events, skips, quarantined records with a reason, or a file error that says what was salvaged), and
 * what {@code --strict} does with it. {@code docs/reliability.md} lists these guarantees.
 */
class HostileInputTest {

    private static final LogReader READER = LogReader.create();
    private static final LogReader STRICT = LogReader.builder().badRecords(BadRecordPolicy.FAIL).build();
    private static final String THREE = recordsFile(record(1), record(2), record(3));

    private static Reads.Outcome quarantine(String name, byte[] content) {
        Reads.Outcome out = read(READER, name, content);
        FileReport r = out.report();
        assertThat(r.records()).as("accounting of %s", name).isEqualTo(r.events() + r.skipped() + r.quarantined());
        assertThat(out.events()).hasSize((int) r.events());
        assertThat(out.result().rejects()).hasSize((int) r.quarantined());
        return out;
    }

    private static InputException strict(String name, byte[] content) {
        try {
            read(STRICT, name, content);
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("--strict read " + name + " without failing");
    }

    // --- gzip ----------------------------------------------------------------------------------------

    @Test
    void truncatedGzipKeepsTheRecordsBeforeTheCut() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add(record(i));
        }
        byte[] gz = gzip(utf8(recordsFile(records.toArray(String[]::new))));
        Reads.Outcome out = quarantine("cut.json.gz", Arrays.copyOf(gz, gz.length / 2));

        long salvaged = out.report().records();
        assertThat(salvaged).isBetween(1L, 499L);
        assertThat(out.report().events()).isEqualTo(salvaged);
        assertThat(out.report().error()).isEqualTo("truncated gzip after " + grouped(salvaged)
                + " records: the compressed data ends early");
    }

    @Test
    void gzipCutInsideItsTrailerKeepsEveryRecordAndSaysSo() {
        byte[] gz = gzip(utf8(THREE));
        Reads.Outcome out = quarantine("t.json.gz", Arrays.copyOf(gz, gz.length - 3));

        assertThat(out.report().events()).isEqualTo(3);
        assertThat(out.report().error())
                .isEqualTo("truncated gzip after 3 records: the compressed data ends early (in the gzip trailer)");
    }

    @Test
    void gzipWithTrailingGarbageKeepsEveryRecordAndCountsTheGarbage() {
        Reads.Outcome out = quarantine("g.json.gz", concat(gzip(utf8(THREE)), utf8("garbage\n")));

        assertThat(out.report().events()).isEqualTo(3);
        assertThat(out.report().format()).isEqualTo("cloudtrail-records");
        assertThat(out.report().error()).isEqualTo("gzip followed by other data after 3 records: "
                + "8 bytes after the end of the gzip data are not gzip and were not read");

        Reads.Outcome zeros = quarantine("z.json.gz", concat(gzip(utf8(THREE)), new byte[4096]));
        assertThat(zeros.report().events()).isEqualTo(3);
        assertThat(zeros.report().error()).endsWith(": 4,096 bytes after the end of the gzip data are not gzip "
                + "and were not read");
    }

    @Test
    void gzipWhoseChecksumDoesNotMatchIsCorrupt() {
        byte[] gz = gzip(utf8(THREE));
        gz[gz.length - 8] ^= 0x01;
        Reads.Outcome out = quarantine("crc.json.gz", gz);

        assertThat(out.report().error()).isEqualTo("corrupt gzip after 3 records: the compressed data is corrupt "
                + "(its checksum or length does not match the content)");
    }

    /**
     * Regression: {@code GZIPInputStream} decides whether another member follows from {@code available()},
     * which the stream in front of it (replaying the sniffed magic bytes) did not report, so when a member
     * ended within 26 bytes of the end of a 64 KB read, the members after it were dropped without a word.
     */
    @Test
    void concatenatedGzipMembersAreAllReadWhereverTheBoundaryFalls() {
        byte[] second = gzip(utf8(recordsFile(record(900), record(901))));
        int boundaryHits = 0;
        for (int filler = 65_060; filler < 65_140; filler++) {
            String padded = record(1).replace("\"recipientAccountId\"",
                    "\"padding\":\"" + "p".repeat(filler) + "\",\"recipientAccountId\"");
            byte[] first = Hostile.gzip(utf8(recordsFile(padded)), 0);
            boundaryHits += Math.abs(first.length - 65_540) <= 12 ? 1 : 0;
            Reads.Outcome out = quarantine("cat.json.gz", concat(first, second));
            assertThat(out.report().error()).as("first member of %d bytes", first.length).isNull();
            assertThat(out.events()).extracting(CloudEvent::eventId).as("first member of %d bytes", first.length)
                    .containsExactly("ev-1", "ev-900", "ev-901");
        }
        assertThat(boundaryHits).as("members ending just past a 64 KB boundary").isPositive();
    }

    @Test
    void zeroByteFilesAreEmptyNotErrors() {
        Reads.Outcome out = quarantine("zero.json", new byte[0]);
        assertThat(out.report()).isEqualTo(new FileReport("zero.json", "empty", 0, 0, 0, 0, null));
        assertThat(read(STRICT, "zero.json", new byte[0]).report().error()).isNull();
        assertThat(quarantine("zero.json.gz", gzip(new byte[0])).report().format()).isEqualTo("empty");
    }

    @Test
    void aGzipBombStopsAtTheSizeLimitWithTheRecordsBeforeIt() {
        LogReader capped = LogReader.builder().maxDecompressedBytes(8L << 20).build();
        byte[] bomb = Hostile.whitespaceBomb(32L << 20, record(1), record(2));
        assertThat(bomb.length).isLessThan(64 * 1024);

        Reads.Outcome out = read(capped, "bomb.json.gz", bomb);

        assertThat(out.report().events()).isEqualTo(2);
        assertThat(out.report().error()).isEqualTo("gzip refused after 2 records: it decompresses to more than "
                + "8 MiB, the limit for one file; a gzip bomb, or a file to split or read with a higher limit");
        assertThatThrownBy(() -> read(LogReader.builder().maxDecompressedBytes(8L << 20)
                .badRecords(BadRecordPolicy.FAIL).build(), "bomb.json.gz", bomb))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("file bomb.json.gz (cloudtrail-records): gzip refused after 2 records: ");
    }

    @Test
    void aGzipBombStopsAtTheRatioLimitByDefault() {
        byte[] bomb = Hostile.whitespaceBomb(80L << 20, record(1));
        Reads.Outcome out = quarantine("ratio.json.gz", bomb);

        assertThat(out.report().events()).isEqualTo(1);
        assertThat(out.report().error()).startsWith("gzip refused after 1 record: it expands more than 200 times (")
                .endsWith("), far beyond any audit log; a gzip bomb");

        LogReader lenient = LogReader.builder().maxCompressionRatio(5_000).build();
        Reads.Outcome allowed = read(lenient, "ratio.json.gz", bomb);
        assertThat(allowed.report().error()).isNull();
        assertThat(allowed.report().events()).isEqualTo(2);
    }

    @Test
    void smallRepetitiveFilesAreNeverJudgedByTheirRatio() {
        Reads.Outcome out = quarantine("small.json.gz", Hostile.whitespaceBomb(16L << 20, record(1)));
        assertThat(out.report().error()).isNull();
        assertThat(out.report().events()).isEqualTo(2);
    }

    @Test
    void gzipLimitsAreValidated() {
        assertThatThrownBy(() -> LogReader.builder().maxDecompressedBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDecompressedBytes must be > 0, was 0");
        assertThatThrownBy(() -> LogReader.builder().maxCompressionRatio(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxCompressionRatio must be > 0, was -1");
        LogReader r = LogReader.builder().maxDecompressedBytes(1L << 30).maxCompressionRatio(50).build();
        assertThat(r.maxDecompressedBytes()).isEqualTo(1L << 30);
        assertThat(r.maxCompressionRatio()).isEqualTo(50);
        assertThat(LogReader.create().maxDecompressedBytes()).isEqualTo(16L << 30);
        assertThat(LogReader.create().maxCompressionRatio()).isEqualTo(200);
    }

    // --- text encodings and line ends ----------------------------------------------------------------

    @Test
    void invalidUtf8EndsAStreamedFileWithItsLocationAndCostsOneLineInJsonLines() {
        byte[] records = withByte(THREE, "203.0.113.10\",\"eventID\":\"ev-2", 0xC3);
        Reads.Outcome streamed = quarantine("latin.json", records);
        assertThat(streamed.report().events()).isEqualTo(1);
        assertThat(streamed.report().error()).matches("malformed JSON after 1 record at line 3, column \\d+: "
                + "Invalid UTF-8 middle byte 0x32");

        String lines = record(1) + "\n" + record(2) + "\n" + record(3) + "\n";
        Reads.Outcome jsonl = quarantine("latin.jsonl", withByte(lines, "203.0.113.10\",\"eventID\":\"ev-2", 0xC3));
        assertThat(jsonl.events()).extracting(CloudEvent::eventId).containsExactly("ev-1", "ev-3");
        assertThat(jsonl.result().rejects()).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(new Origin("latin.jsonl", 2, 2, 1));
            assertThat(r.reason()).matches("malformed JSON at column \\d+: Invalid UTF-8 middle byte 0x32");
        });
    }

    @Test
    void utf16AndUtf32AreReadWithOrWithoutAByteOrderMark() {
        String bad = record(2).replace("\"eventTime\":\"2024-05-01T10:00:00Z\",", "");
        String text = recordsFile(record(1), bad);
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("UTF-32BE"))) {
            for (String bom : List.of("", "\uFEFF")) {
                String name = cs + (bom.isEmpty() ? "" : "+BOM");
                Reads.Outcome out = quarantine(name, (bom + text).getBytes(cs));
                assertThat(out.report().events()).as(name).isEqualTo(1);
                assertThat(out.result().rejects()).as(name).singleElement().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo("missing required field 'eventTime'");
                    assertThat(r.excerpt()).as("excerpt of %s", name).isEqualTo(bad);
                });
            }
        }
    }

    @Test
    void crlfJsonLinesAreReadLineByLine() {
        String crlf = record(1) + "\r\n" + record(2) + "\r\n\r\n" + record(3) + "\r\n";
        Reads.Outcome out = quarantine("crlf.jsonl", utf8(crlf));

        assertThat(out.report().format()).isEqualTo("cloudtrail-jsonl");
        assertThat(out.events()).extracting(e -> e.origin().line()).containsExactly(1L, 2L, 4L);
        assertThat(out.events()).extracting(e -> e.cloud().account()).containsOnly("111122223333");

        Reads.Outcome pretty = quarantine("crlf.json", utf8(THREE.replace("\n", "\r\n")));
        assertThat(pretty.report().events()).isEqualTo(3);
        assertThat(pretty.events()).extracting(e -> e.origin().line()).containsExactly(2L, 3L, 4L);
    }

    // --- structure -----------------------------------------------------------------------------------

    @Test
    void jsonCutMidRecordKeepsTheRecordsBeforeAndDoesNotCountTheCutOne() {
        int cut = THREE.indexOf("ev-3") - 40;
        Reads.Outcome out = quarantine("cut.json", utf8(THREE.substring(0, cut)));

        assertThat(out.report().records()).isEqualTo(2);
        assertThat(out.report().error()).matches("JSON cut off after 2 records: the input ends at line 4, column \\d+ "
                + "inside record #3, which is not counted; the file looks truncated");
        InputException e = strict("cut.json", utf8(THREE.substring(0, cut)));
        assertThat(e).hasMessageStartingWith("file cut.json (cloudtrail-records): JSON cut off after 2 records");
        assertThat(e.origin().record()).isEqualTo(3);
        assertThat(e.origin().line()).isEqualTo(4);
    }

    @Test
    void nestingBeyondTheParserLimitIsLocated() {
        String deep = record(2).replace("\"recipientAccountId\"",
                "\"requestParameters\":{\"x\":" + "[".repeat(2_000) + "]".repeat(2_000) + "},\"recipientAccountId\"");
        Reads.Outcome streamed = quarantine("deep.json", utf8(recordsFile(record(1), deep, record(3))));
        assertThat(streamed.report().events()).isEqualTo(1);
        assertThat(streamed.report().error()).matches("JSON exceeds a parser limit after 1 record at line 3, "
                + "column \\d{3}: Document nesting depth \\(501\\) exceeds the maximum allowed \\(500.*");
        InputException e = strict("deep.json", utf8(recordsFile(record(1), deep, record(3))));
        assertThat(e.origin().record()).isEqualTo(2);
        assertThat(e.origin().line()).isEqualTo(3);

        Reads.Outcome jsonl = quarantine("deep.jsonl", utf8(record(1) + "\n" + deep + "\n" + record(3) + "\n"));
        assertThat(jsonl.events()).extracting(CloudEvent::eventId).containsExactly("ev-1", "ev-3");
        assertThat(jsonl.result().rejects()).singleElement().extracting(Reject::reason).asString()
                .matches("JSON exceeds a parser limit at column \\d{3}: Document nesting depth \\(501\\).*");
    }

    @Test
    void hundredMegabyteStringsAreStreamedNotHeld() {
        long size = 100L << 20;
        String second = record(2).substring(0, record(2).indexOf("\"recipientAccountId\""));
        String before = "{\"Records\":[\n" + record(1) + ",\n" + second + "\"requestParameters\":{\"blob\":\"";
        String after = "\"},\"recipientAccountId\":\"111122223333\"},\n" + record(3) + "\n]}";
        Reads.Outcome skipped = readStream("skipped.json", Hostile.repeated(before, (byte) 'a', size, after));
        assertThat(skipped.report().error()).isNull();
        assertThat(skipped.events()).extracting(CloudEvent::eventId).containsExactly("ev-1", "ev-2", "ev-3");

        String intoAgent = "{\"Records\":[\n" + record(1) + ",\n" + second + "\"userAgent\":\"";
        Reads.Outcome read = readStream("agent.json", Hostile.repeated(intoAgent, (byte) 'a', size, after));
        assertThat(read.report().events()).isEqualTo(1);
        assertThat(read.report().error()).matches("JSON exceeds a parser limit after 1 record at line 3, column [\\d,]+: "
                + "String value length \\(\\d+\\) exceeds the maximum allowed \\(100000000.*");

        String line = second + "\"userAgent\":\"";
        String rest = "\",\"recipientAccountId\":\"111122223333\"}\n" + record(3) + "\n";
        Reads.Outcome jsonl = readStream("huge.jsonl", Hostile.repeated(record(1) + "\n" + line, (byte) 'a', size,
                rest));
        assertThat(jsonl.events()).extracting(CloudEvent::eventId).containsExactly("ev-1", "ev-3");
        assertThat(jsonl.result().rejects()).singleElement().satisfies(r -> {
            assertThat(r.origin().line()).isEqualTo(2);
            assertThat(r.reason()).isEqualTo("line is longer than 67,108,864 bytes; expected one JSON record per line");
            assertThat(r.excerpt()).hasSize(500).startsWith("{\"eventVersion\"");
        });
    }

    private static Reads.Outcome readStream(String name, InputStream in) {
        List<CloudEvent> events = new ArrayList<>();
        FileResult result = READER.read(in, name, events::add);
        FileReport r = result.report();
        assertThat(r.records()).isEqualTo(r.events() + r.skipped() + r.quarantined());
        return new Reads.Outcome(result, events);
    }

    // --- types and values ----------------------------------------------------------------------------

    @Test
    void typeConfusionInRequiredFieldsIsQuarantinedAndInOptionalFieldsIgnored() {
        String good = record(1);
        Reads.Outcome out = quarantine("types.json", utf8(recordsFile(
                good.replace("\"ssm.amazonaws.com\"", "42"),
                good.replace("\"SendCommand\"", "true"),
                good.replace("\"SendCommand\"", "[\"SendCommand\"]"),
                good.replace("\"2024-05-01T10:00:00Z\"", "{\"t\":1}"),
                good.replaceFirst("\\{\"type\":\"IAMUser\".*?\"userName\":\"alice\"}", "\"alice\""),
                good.replace("\"203.0.113.10\"", "[\"203.0.113.10\"]"),
                good.replace("\"us-east-1\"", "7"))));

        assertThat(out.result().rejects()).extracting(Reject::reason).containsExactly(
                "field 'eventSource' must be a string, found a number",
                "field 'eventName' must be a string, found a boolean",
                "field 'eventName' must be a string, found an array",
                "field 'eventTime' must be a string, found an object; "
                        + "expected an ISO-8601 UTC timestamp such as 2021-07-29T23:53:26Z");
        assertThat(out.events()).hasSize(3);
        assertThat(out.events().get(0).principal()).isEqualTo("unknown");
        assertThat(out.events().get(1).source().address()).isNull();
        assertThat(out.events().get(2).cloud().region()).isEqualTo("7");
    }

    /** Every field of a rich record, at every depth, set to {@code null} in turn. */
    @Test
    void nullInEveryFieldIsQuarantinedWhenRequiredAndIgnoredOtherwise() {
        String rich = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROA:s\","
                + "\"arn\":\"arn:aws:sts::111122223333:assumed-role/Ops/s\",\"accountId\":\"111122223333\","
                + "\"accessKeyId\":\"ASIAEXAMPLE\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\","
                + "\"arn\":\"arn:aws:iam::111122223333:role/Ops\",\"userName\":\"Ops\"},"
                + "\"attributes\":{\"mfaAuthenticated\":\"false\"}},\"invokedBy\":\"x.amazonaws.com\"},"
                + "\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"ssm.amazonaws.com\","
                + "\"eventName\":\"SendCommand\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.10\","
                + "\"userAgent\":\"aws-cli/2\",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"no\","
                + "\"requestParameters\":{\"instanceIds\":[\"i-1\",\"i-2\"],\"targets\":[{\"key\":\"tag:Env\","
                + "\"values\":[\"prod\"]}],\"documentName\":\"AWS-RunShellScript\",\"parameters\":{\"commands\":"
                + "[\"id\"]},\"outputS3BucketName\":\"b\",\"outputS3KeyPrefix\":\"p\"},\"responseElements\":"
                + "{\"command\":{\"commandId\":\"c-1\",\"outputS3BucketName\":\"b\"}},\"additionalEventData\":"
                + "{\"MFAUsed\":\"No\"},\"requestID\":\"r\",\"eventID\":\"ev-rich\",\"recipientAccountId\":"
                + "\"111122223333\"}";
        Set<String> required = Set.of("eventTime", "eventSource", "eventName");
        List<Field> fields = fields(rich);
        assertThat(fields).hasSizeGreaterThan(40);
        for (Field f : fields) {
            String mutated = rich.substring(0, f.start) + "null" + rich.substring(f.end);
            Reads.Outcome out = quarantine("null-" + f.name, utf8(recordsFile(mutated)));
            if (f.depth == 1 && required.contains(f.name)) {
                assertThat(out.result().rejects()).as(f.name).singleElement().extracting(Reject::reason)
                        .isEqualTo("missing required field '" + f.name + "'");
            } else {
                assertThat(out.report().events()).as("%s set to null", f.name).isEqualTo(1);
            }
        }
        Reads.Outcome nullRecord = quarantine("null", utf8(recordsFile("null")));
        assertThat(nullRecord.result().rejects()).singleElement().extracting(Reject::reason)
                .isEqualTo("record is not a JSON object (found null); expected a CloudTrail event");
    }

    private record Field(String name, int depth, int start, int end) {
    }

    /** The value span of every property, at every depth, found with the streaming parser. */
    private static List<Field> fields(String json) {
        List<Field> out = new ArrayList<>();
        Deque<Object[]> open = new ArrayDeque<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
            String pending = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.PROPERTY_NAME) {
                    pending = p.currentName();
                    continue;
                }
                int start = (int) p.currentTokenLocation().getCharOffset();
                if (t.isStructStart()) {
                    open.push(new Object[] {pending, start, open.size()});
                } else if (t.isStructEnd()) {
                    Object[] o = open.pop();
                    if (o[0] != null) {
                        out.add(new Field((String) o[0], (int) o[2], (int) o[1], (int) p.currentLocation().getCharOffset()));
                    }
                } else if (pending != null) {
                    p.finishToken();
                    out.add(new Field(pending, open.size(), start, (int) p.currentLocation().getCharOffset()));
                }
                pending = null;
            }
        }
        return out;
    }

    @Test
    void duplicateKeysTakeTheLastValueAsJqAndJacksonDo() {
        String dup = record(1).replace("\"recipientAccountId\"",
                "\"eventName\":\"StartSession\",\"eventTime\":\"2024-05-02T00:00:00Z\",\"recipientAccountId\"");
        CloudEvent e = quarantine("dup.json", utf8(recordsFile(dup))).only();
        assertThat(e.action()).isEqualTo("ssm:StartSession");
        assertThat(e.time()).isEqualTo(1_714_608_000_000L);
    }

    @Test
    void timestampsFromTheFarPastAndFutureAreEventsOrQuarantinedNeverACrash() {
        String good = record(1);
        Reads.Outcome out = quarantine("times.json", utf8(recordsFile(
                good.replace("2024-05-01T10:00:00Z", "1970-01-01T00:00:00Z"),
                good.replace("2024-05-01T10:00:00Z", "2999-12-31T23:59:59Z"),
                good.replace("2024-05-01T10:00:00Z", "0000-01-01T00:00:00Z"),
                good.replace("2024-05-01T10:00:00Z", "+999999999-12-31T23:59:59Z"),
                good.replace("2024-05-01T10:00:00Z", "-999999999-01-01T00:00:00+01:00"))));

        assertThat(out.events()).extracting(CloudEvent::time)
                .containsExactly(0L, 32_503_679_999_000L, -62_167_219_200_000L);
        // Regression: java.time reads these years, and their milliseconds overflowed a long uncaught.
        assertThat(out.result().rejects()).extracting(Reject::reason).allSatisfy(r ->
                assertThat(r).startsWith("field 'eventTime' is not a timestamp: '"));
        assertThat(out.result().rejects()).hasSize(2);
    }

    // --- files from other tools ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignFiles")
    void filesFromUnrelatedToolsAreUnknownNotQuarantined(String name, byte[] content, String seen) {
        Reads.Outcome out = quarantine(name, content);

        assertThat(out.report().format()).isEqualTo("unknown");
        assertThat(out.report().records()).isZero();
        assertThat(out.report().error()).startsWith("unknown format: found " + seen);
        InputException e = strict(name, content);
        assertThat(e).hasMessageStartingWith("file " + name + " (unknown): unknown format: found " + seen);
        assertThat(e.origin()).isNull();
    }

    static Stream<Arguments> foreignFiles() {
        byte[] evtx = concat("ElfFile\0".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, (byte) 0x80, 0, 0, 0, 1, 0, 3, 0});
        return Stream.of(
                Arguments.of("Security.evtx", evtx, "text that is not JSON, starting with 'ElfFile?"),
                Arguments.of("access.log", utf8("203.0.113.9 - - [01/May/2024:10:00:00 +0000] \"GET / HTTP/1.1\" 200 612"
                        + " \"-\" \"curl/8.0\"\n"), "text that is not JSON, starting with '203.0.113.9 - - [01/May"),
                Arguments.of("access.json", utf8("{\"time\":\"2024-05-01T10:00:00Z\",\"remote_addr\":\"203.0.113.9\","
                        + "\"request\":\"GET /\"}\n"), "a JSON object with fields time, remote_addr, request"),
                Arguments.of("prices.csv", utf8("name,price,qty\r\napple,1.5,3\r\n"),
                        "a CSV file with 3 columns: name, price, qty; expected"),
                Arguments.of("data.zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, "a zip archive (unpack it first)"));
    }

    // --- --strict --------------------------------------------------------------------------------------

    @Test
    void strictFailsOnTheFirstBadRecordWithItsLocation() {
        String lines = record(1) + "\n" + record(2).replace("\"SendCommand\"", "7") + "\n"
                + record(3).replace("2024-05-01T10:00:00Z", "yesterday") + "\n";
        InputException e = strict("s.jsonl", utf8(lines));
        assertThat(e).hasMessage("CloudTrail record #2 (file s.jsonl, line 2, column 1): "
                + "field 'eventName' must be a string, found a number");
        assertThat(e.origin()).isEqualTo(new Origin("s.jsonl", 2, 2, 1));

        InputException gz = strict("g.json.gz", concat(gzip(utf8(THREE)), utf8("x")));
        assertThat(gz).hasMessage("file g.json.gz (cloudtrail-records): gzip followed by other data after 3 records: "
                + "1 byte after the end of the gzip data are not gzip and were not read");
    }

    private static byte[] withByte(String text, String marker, int value) {
        byte[] b = utf8(text);
        int at = text.indexOf(marker);
        assertThat(at).as("marker %s", marker).isNotNegative();
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = (byte) value;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }

    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
