package dev.cadet.parsers;

import dev.cadet.model.Origin;
import dev.cadet.model.Reject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.cadet.parsers.Reads.gzip;
import static dev.cadet.parsers.Reads.read;
import static dev.cadet.parsers.Reads.record;
import static dev.cadet.parsers.Reads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad records are quarantined with their location, broken files are reported with what was salvaged. */
class BadInputTest {

    private static final LogReader STRICT = LogReader.builder().badRecords(BadRecordPolicy.FAIL).build();

    private static final String GOOD = record("ssm.amazonaws.com", "SendCommand", null);
    private static final String NO_TIME = "{\"eventVersion\":\"1.08\",\"eventSource\":\"ssm.amazonaws.com\","
            + "\"eventName\":\"SendCommand\",\"eventID\":\"ev-x\"}";
    private static final String BAD_TIME = record("ssm.amazonaws.com", "StartSession", null)
            .replace("2024-05-01T10:00:00Z", "2024-13-01T10:00:00Z");

    /** A records file with one record per line, so that lines and columns are easy to state. */
    private static String recordsFile(String... records) {
        return "{\"Records\":[\n" + String.join(",\n", records) + "\n]}\n";
    }

    @Test
    void missingEventTimeIsQuarantinedWithItsLocation() {
        Reads.Outcome out = read("bad.json", recordsFile(GOOD, NO_TIME, GOOD));

        assertThat(out.report().records()).isEqualTo(3);
        assertThat(out.report().events()).isEqualTo(2);
        assertThat(out.report().quarantined()).isEqualTo(1);
        assertThat(out.report().error()).isNull();
        Reject reject = out.result().rejects().get(0);
        assertThat(reject.origin()).isEqualTo(new Origin("bad.json", 2, 3, 1));
        assertThat(reject.reason()).isEqualTo("missing required field 'eventTime'");
        assertThat(reject.excerpt()).isEqualTo(NO_TIME);
    }

    @Test
    void failModeNamesTheRecordAndItsLocation() {
        assertThatThrownBy(() -> read(STRICT, "a.json", utf8(recordsFile(GOOD, NO_TIME))))
                .isInstanceOf(InputException.class)
                .hasMessage("CloudTrail record #2 (file a.json, line 3, column 1): missing required field 'eventTime'")
                .satisfies(e -> assertThat(((InputException) e).origin()).isEqualTo(new Origin("a.json", 2, 3, 1)));
    }

    @Test
    void failModeFormatsLargeNumbersWithGrouping() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 1233; i++) {
            records.add(GOOD);
        }
        records.add(NO_TIME);
        byte[] gz = gzip(utf8(recordsFile(records.toArray(String[]::new))));

        assertThatThrownBy(() -> read(STRICT, "a.json.gz", gz))
                .hasMessage("CloudTrail record #1,234 (file a.json.gz, line 1,235, column 1): "
                        + "missing required field 'eventTime'");
    }

    @Test
    void unparseableEventTimeSaysWhatWasExpected() {
        Reads.Outcome out = read("t.json", recordsFile(BAD_TIME));

        assertThat(out.result().rejects()).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(new Origin("t.json", 1, 2, 1));
            assertThat(r.reason()).isEqualTo("field 'eventTime' is not a timestamp: '2024-13-01T10:00:00Z'; "
                    + "expected an ISO-8601 UTC timestamp such as 2021-07-29T23:53:26Z");
        });
    }

    @Test
    void eventTimeOfTheWrongTypeIsQuarantined() {
        String numeric = GOOD.replace("\"2024-05-01T10:00:00Z\"", "1714557600000");
        Reads.Outcome out = read("n.json", recordsFile(numeric));

        assertThat(out.result().rejects()).singleElement().extracting(Reject::reason)
                .isEqualTo("field 'eventTime' must be a string, found a number; "
                        + "expected an ISO-8601 UTC timestamp such as 2021-07-29T23:53:26Z");
    }

    @Test
    void recordsThatAreNotObjectsAreQuarantinedAndReadingGoesOn() {
        Reads.Outcome out = read("mixed.json", recordsFile(GOOD, "42", "\"text\"", "[1, 2]", GOOD));

        assertThat(out.report().records()).isEqualTo(5);
        assertThat(out.report().events()).isEqualTo(2);
        assertThat(out.result().rejects()).extracting(Reject::reason).containsExactly(
                "record is not a JSON object (found a number); expected a CloudTrail event",
                "record is not a JSON object (found a string); expected a CloudTrail event",
                "record is not a JSON object (found an array); expected a CloudTrail event");
        assertThat(out.result().rejects()).extracting(r -> r.origin().line()).containsExactly(3L, 4L, 5L);
        assertThat(out.result().rejects()).extracting(Reject::excerpt).containsExactly("42", "\"text\"", "[1, 2]");
    }

    @Test
    void truncatedGzipKeepsWhatWasSalvaged() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            records.add(GOOD.replace("ev-SendCommand", "ev-" + i));
        }
        byte[] gz = gzip(utf8(recordsFile(records.toArray(String[]::new))));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);

        Reads.Outcome out = read(LogReader.create(), "cut.json.gz", cut);

        long salvaged = out.report().records();
        assertThat(salvaged).isBetween(1L, 1999L);
        assertThat(out.report().events()).isEqualTo(salvaged);
        assertThat(out.report().format()).isEqualTo("cloudtrail-records");
        assertThat(out.report().error()).isEqualTo("truncated gzip after " + String.format("%,d", salvaged)
                + " records: the compressed data ends early");
        assertThatThrownBy(() -> read(STRICT, "cut.json.gz", cut))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("file cut.json.gz (cloudtrail-records): truncated gzip after ")
                .satisfies(e -> assertThat(((InputException) e).origin()).isNull());
    }

    @Test
    void corruptGzipIsReportedAsSuch() {
        byte[] gz = gzip(utf8(recordsFile(GOOD, GOOD, GOOD)));
        for (int i = 20; i < gz.length - 10; i++) {
            gz[i] = (byte) (gz[i] ^ 0x5a);
        }
        Reads.Outcome out = read(LogReader.create(), "bad.gz", gz);

        assertThat(out.report().error()).startsWith("corrupt gzip after 0 records: ");
        assertThat(out.report().records()).isZero();
    }

    @Test
    void jsonCutMidArraySaysWhereAndWhatWasSalvaged() {
        String whole = recordsFile(GOOD, GOOD, GOOD);
        int cutAt = whole.indexOf("eventTime", whole.indexOf("eventTime", whole.indexOf("eventTime") + 1) + 1);
        Reads.Outcome out = read("cut.json", whole.substring(0, cutAt));

        assertThat(out.report().records()).isEqualTo(2);
        assertThat(out.report().events()).isEqualTo(2);
        assertThat(out.report().error()).matches("JSON cut off after 2 records: the input ends at line 4, column \\d+ "
                + "inside record #3, which is not counted; the file looks truncated");
    }

    @Test
    void jsonCutBetweenRecordsIsStillACutOffFile() {
        String whole = recordsFile(GOOD, GOOD);
        Reads.Outcome out = read("cut.json", whole.substring(0, whole.lastIndexOf(']')));

        assertThat(out.report().records()).isEqualTo(2);
        assertThat(out.report().error()).startsWith("JSON cut off after 2 records: the input ends at line 4, column 1;");
    }

    @Test
    void failModeReportsACutOffFileWithItsPosition() {
        String whole = recordsFile(GOOD, GOOD);
        byte[] cut = utf8(whole.substring(0, whole.length() - 60));

        assertThatThrownBy(() -> read(STRICT, "cut.json", cut))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("file cut.json (cloudtrail-records): JSON cut off after 1 record: ")
                .satisfies(e -> assertThat(((InputException) e).origin().record()).isEqualTo(2));
    }

    @Test
    void malformedJsonInAStreamStopsWithTheCountSoFar() {
        Reads.Outcome out = read("broken.json", recordsFile(GOOD, "{\"eventVersion\" \"1.08\"}", GOOD));

        assertThat(out.report().records()).isEqualTo(1);
        assertThat(out.report().error()).startsWith("malformed JSON after 1 record at line 3, column 17: "
                + "Unexpected character ('\"' (code 34)): was expecting a colon");
    }

    @Test
    void aBadLineInJsonLinesCostsOnlyThatLine() {
        String jsonl = GOOD + "\n{\"eventVersion\": oops}\n\n" + GOOD + "\n";
        Reads.Outcome out = read("lines.jsonl", jsonl);

        assertThat(out.report().format()).isEqualTo("cloudtrail-jsonl");
        assertThat(out.report().records()).isEqualTo(3);
        assertThat(out.report().events()).isEqualTo(2);
        assertThat(out.result().rejects()).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(new Origin("lines.jsonl", 2, 2, 1));
            assertThat(r.reason()).startsWith("malformed JSON at column 18: Unrecognized token 'oops'");
            assertThat(r.excerpt()).isEqualTo("{\"eventVersion\": oops}");
        });
        assertThat(out.events()).extracting(e -> e.origin().line()).containsExactly(1L, 4L);
    }

    @Test
    void twoRecordsOnOneJsonLineAreRejectedAsOne() {
        Reads.Outcome out = read("lines.jsonl", GOOD + "\n" + GOOD + " " + GOOD + "\n");

        assertThat(out.report().records()).isEqualTo(2);
        assertThat(out.result().rejects()).singleElement().extracting(Reject::reason).asString()
                .startsWith("unexpected content after the record at column ");
    }

    @Test
    void lookupEventsWithBrokenEmbeddedJsonPointAtTheItem() {
        String lookup = "{\"Events\": [\n"
                + "  {\"EventId\": \"a\", \"EventName\": \"StartSession\", \"CloudTrailEvent\": \"{\\\"eventVersion\\\":\"},\n"
                + "  {\"EventId\": \"b\", \"EventName\": \"StartSession\"}\n"
                + "]}";
        Reads.Outcome out = read("lookup.json", lookup);

        assertThat(out.report().format()).isEqualTo("cloudtrail-lookup-events");
        assertThat(out.result().rejects()).hasSize(2);
        assertThat(out.result().rejects().get(0).origin()).isEqualTo(new Origin("lookup.json", 1, 2, 3));
        assertThat(out.result().rejects().get(0).reason())
                .startsWith("field 'CloudTrailEvent' is not valid JSON (at column 17 of the string): ");
        assertThat(out.result().rejects().get(1).reason()).isEqualTo("missing required field 'CloudTrailEvent'");
    }

    @Test
    void recordsMemberThatIsNotAnArrayIsAFileError() {
        Reads.Outcome out = read("odd.json", "{\"Records\": {\"eventVersion\": \"1.08\"}}");

        assertThat(out.report().format()).isEqualTo("cloudtrail-records");
        assertThat(out.report().error())
                .isEqualTo("'Records' is an object; expected an array of records at line 1, column 13 (after 0 records)");
    }

    @Test
    void unknownContentIsAFileErrorNamingWhatWasSeen() {
        Reads.Outcome out = read("export.csv", "eventTime,eventName,userName\n2024-05-01T10:00:00Z,SendCommand,alice\n");

        assertThat(out.report().format()).isEqualTo("unknown");
        assertThat(out.report().records()).isZero();
        // A CSV whose columns match no layout: the columns found, then every layout's required columns.
        assertThat(out.report().error()).startsWith(
                "unknown format: found a CSV file with 3 columns: eventTime, eventName, userName; "
                        + "expected CloudTrail JSON (").contains("; or a CSV export with a header: a CloudTrail table "
                + "export (Log Analytics AWSCloudTrail, Athena, CloudTrail Lake) (columns TimeGenerated or eventTime, "
                + "EventSource, EventName); a Log Analytics AzureActivity table export (columns TimeGenerated, "
                + "OperationNameValue)");
        assertThatThrownBy(() -> read(STRICT, "export.csv", utf8("a,b\n1,2\n")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("file export.csv (unknown): unknown format: found a CSV file with 2 columns: a, b;");
        assertThat(read("notes.txt", "Incident notes\nnothing to see\n").report().error())
                .startsWith("unknown format: found text that is not JSON, starting with 'Incident notes'; expected ");
    }

    @Test
    void foreignJsonIsUnknownNotQuarantined() {
        // A Kubernetes audit event: JSON, but no provider's.
        Reads.Outcome out = read("k8s.json", "{\"apiVersion\": \"audit.k8s.io/v1\", \"kind\": \"Event\", "
                + "\"stage\": \"ResponseComplete\"}");

        assertThat(out.report().format()).isEqualTo("unknown");
        assertThat(out.report().quarantined()).isZero();
        assertThat(out.report().error())
                .startsWith("unknown format: found a JSON object with fields apiVersion, kind, stage;");
    }

    @Test
    void zipArchivesAreNamed() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        Reads.Outcome out = read(LogReader.create(), "logs.zip", zip);

        assertThat(out.report().error()).startsWith("unknown format: found a zip archive (unpack it first);");
    }

    @Test
    void emptyInputsAreEmptyNotErrors() {
        for (byte[] content : List.of(new byte[0], utf8("  \n\t\n"), utf8("[]"), gzip(new byte[0]),
                new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf})) {
            Reads.Outcome out = read(LogReader.create(), "empty", content);
            assertThat(out.report().format()).as("%d bytes", content.length).isEqualTo("empty");
            assertThat(out.report().records()).isZero();
            assertThat(out.report().error()).isNull();
        }
        assertThat(read(STRICT, "empty", new byte[0]).report().format()).isEqualTo("empty");
    }

    @Test
    void excerptsAreCappedAtTheConfiguredLength() {
        LogReader reader = LogReader.builder().maxExcerptChars(40).build();
        String longRecord = NO_TIME.replace("{", "{\"padding\":\"" + "x".repeat(500) + "\",");

        Reads.Outcome out = read(reader, "long.json", utf8(recordsFile(longRecord)));

        String excerpt = out.result().rejects().get(0).excerpt();
        assertThat(excerpt).hasSize(40).startsWith("{\"padding\":\"xxx").endsWith("\u2026");
    }

    @Test
    void quotedInputInReasonsIsCappedToo() {
        LogReader reader = LogReader.builder().maxExcerptChars(20).build();
        String record = GOOD.replace("2024-05-01T10:00:00Z", "not a time at all, and a very long one");

        Reads.Outcome out = read(reader, "q.json", utf8(recordsFile(record)));

        assertThat(out.result().rejects().get(0).reason())
                .startsWith("field 'eventTime' is not a timestamp: 'not a time at all\u2026'; expected");
    }

    @Test
    void aHugeRejectedRecordIsStillQuotedFromItsStart() {
        String huge = NO_TIME.replace("{\"eventVersion\"", "{\"eventVersion\":\"1.08\",\"requestParameters\":{\"blob\":\""
                + "y".repeat(300_000) + "\"},\"x\"");
        Reads.Outcome out = read("huge.json", recordsFile(GOOD, huge, GOOD));

        assertThat(out.report().events()).isEqualTo(2);
        assertThat(out.result().rejects().get(0).excerpt())
                .startsWith("{\"eventVersion\":\"1.08\",\"requestParameters\":{\"blob\":\"yyyy").hasSize(500);
    }

    @Test
    void byteOrderMarksAndUtf16AreRead() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] utf8 = utf8(recordsFile(GOOD));
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        assertThat(read(LogReader.create(), "bom.json", withBom).report().events()).isEqualTo(1);

        byte[] utf16 = ("\uFEFF" + recordsFile(GOOD, NO_TIME)).getBytes(StandardCharsets.UTF_16LE);
        Reads.Outcome out = read(LogReader.create(), "ps.json", utf16);
        assertThat(out.report().events()).isEqualTo(1);
        assertThat(out.result().rejects().get(0).excerpt()).isEqualTo(NO_TIME);
    }

    @Test
    void javascriptStyleSamplesAreAccepted() {
        String js = "\n[\n{\n  eventVersion: \"1.09\", eventTime: \"2024-08-18T13:17:41Z\",\n"
                + "  eventSource: \"appsync.amazonaws.com\", eventName: \"CreateApiKey\", eventID: \"e\",\n},\n]";
        Reads.Outcome out = read("js.json", js);

        assertThat(out.report().format()).isEqualTo("cloudtrail-array");
        assertThat(out.only().action()).isEqualTo("appsync:CreateApiKey");
    }

    @Test
    void aFileThatCannotBeOpenedIsAFileError(@TempDir Path dir) throws IOException {
        FileResult missing = LogReader.create().read(dir.resolve("gone.json"), e -> { });
        assertThat(missing.report().error()).isEqualTo("cannot open file: no such file");
        assertThat(missing.report().format()).isEqualTo("unknown");

        FileResult folder = LogReader.create().read(dir, e -> { });
        assertThat(folder.report().error()).isEqualTo("is a folder; expected a file (expand folders first)");

        Path file = Files.writeString(dir.resolve("ok.json"), recordsFile(GOOD));
        FileResult ok = LogReader.create().read(file, e -> { });
        assertThat(ok.report().file()).isEqualTo(file.toString());
        assertThat(ok.report().events()).isEqualTo(1);
    }

    @Test
    void theCallersStreamIsNotClosed() {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(utf8(recordsFile(GOOD))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        LogReader.create().read(in, "-", e -> { });
        assertThat(closed[0]).isFalse();
    }
}
