package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LogReader#readHead}: the events of the records a file starts with, however the cut falls. */
class ReadHeadTest {

    private static final int HEAD = 32 * 1024;

    @Test
    void aGzipFilesHeadHoldsItsFirstRecordsAndNothingOfTheCutOne(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("trail.json.gz"), Reads.gzip(Reads.utf8(records(0, 400))));

        List<CloudEvent> head = head(LogReader.create(), file, HEAD);
        List<CloudEvent> all = all(LogReader.create(), file);

        assertThat(all).hasSize(400);
        assertThat(head).isNotEmpty().hasSizeLessThan(400);
        assertThat(head).containsExactlyElementsOf(all.subList(0, head.size()));
        // Every record that ends inside the head is there: the next one would not have fitted.
        assertThat(records(0, head.size() + 1).length()).isGreaterThan(HEAD);
    }

    @Test
    void aPlainFileIsCutTheSameWayWhereverTheCutFalls(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("trail.json"), records(0, 400), StandardCharsets.UTF_8);
        List<CloudEvent> all = all(LogReader.create(), file);
        for (int bytes = 100; bytes < 3_000; bytes += 37) {
            List<CloudEvent> head = head(LogReader.create(), file, bytes);
            assertThat(head).containsExactlyElementsOf(all.subList(0, head.size()));
            assertThat(records(0, head.size() + 1).length()).isGreaterThan(bytes);
        }
    }

    @Test
    void aFileShorterThanTheHeadGivesAllItsEvents(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("short.json.gz"), Reads.gzip(Reads.utf8(records(0, 3))));
        assertThat(head(LogReader.create(), file, HEAD)).containsExactlyElementsOf(all(LogReader.create(), file));
    }

    @Test
    void aBadRecordIsPassedOverEvenByAReaderThatFailsOnOne(@TempDir Path dir) throws IOException {
        String bad = record(1).replace("2026-03-02T00:01:00Z", "yesterday");
        String content = "{\"Records\":[" + record(0) + "," + bad + "," + record(2) + "]}";
        Path file = Files.writeString(dir.resolve("bad.json"), content, StandardCharsets.UTF_8);
        LogReader strict = LogReader.builder().badRecords(BadRecordPolicy.FAIL).build();

        assertThatThrownBy(() -> all(strict, file)).isInstanceOf(InputException.class);
        assertThat(head(strict, file, HEAD)).extracting(CloudEvent::eventId).containsExactly("id-0", "id-2");
    }

    @Test
    void whatHasNoHeadGivesNoEventsOrSaysWhy(@TempDir Path dir) throws IOException {
        LogReader reader = LogReader.create();
        assertThat(head(reader, dir.resolve("missing.json"), HEAD)).isEmpty();
        assertThat(head(reader, Files.writeString(dir.resolve("notes.txt"), "hello"), HEAD)).isEmpty();
        assertThat(head(reader, Files.write(dir.resolve("empty.json"), new byte[0]), HEAD)).isEmpty();
        assertThatThrownBy(() -> reader.readHead(Path.of("-"), HEAD, e -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the head of standard input cannot be read apart from the rest");
        assertThatThrownBy(() -> reader.readHead(dir.resolve("x.json"), -1, e -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contentBytes must be >= 0, was -1");
    }

    @Test
    void aShortInputReadAfterLongerOnesSeesOnlyItsOwnBytes(@TempDir Path dir) throws IOException {
        // The thread keeps its sniffing buffer from one input to the next: nothing of the last input may show.
        LogReader reader = LogReader.create();
        Path big = Files.writeString(dir.resolve("big.json"), records(0, 400), StandardCharsets.UTF_8);
        Path utf16 = Files.write(dir.resolve("utf16.json"), records(500, 2).getBytes(StandardCharsets.UTF_16));
        Path tiny = Files.writeString(dir.resolve("tiny.json"), "{\"Records\":[" + record(900) + "]}",
                StandardCharsets.UTF_8);
        Path blank = Files.writeString(dir.resolve("blank.json"), "   ", StandardCharsets.UTF_8);

        assertThat(all(reader, big)).hasSize(400);
        assertThat(all(reader, utf16)).extracting(CloudEvent::eventId).containsExactly("id-500", "id-501");
        assertThat(head(reader, big, HEAD)).isNotEmpty();
        assertThat(all(reader, tiny)).extracting(CloudEvent::eventId).containsExactly("id-900");
        assertThat(all(reader, big)).hasSize(400);
        FileResult empty = reader.read(blank, e -> { });
        assertThat(empty.report().format()).isEqualTo(Formats.EMPTY);
        assertThat(empty.report().records()).isZero();
    }

    private static List<CloudEvent> head(LogReader reader, Path file, int bytes) {
        List<CloudEvent> events = new ArrayList<>();
        reader.readHead(file, bytes, events::add);
        return events;
    }

    private static List<CloudEvent> all(LogReader reader, Path file) {
        List<CloudEvent> events = new ArrayList<>();
        reader.read(file, events::add);
        return events;
    }

    /** A CloudTrail file of {@code count} records, minutes {@code from} onwards. */
    private static String records(int from, int count) {
        StringBuilder b = new StringBuilder("{\"Records\":[");
        for (int i = from; i < from + count; i++) {
            b.append(i == from ? "" : ",").append(record(i));
        }
        return b.append("]}").toString();
    }

    private static String record(int minute) {
        return String.format("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":"
                + "\"arn:aws:iam::111122223333:user/a\",\"accountId\":\"111122223333\"},\"eventTime\":"
                + "\"2026-03-%02dT%02d:%02d:00Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\","
                + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.1\",\"eventID\":\"id-%d\"}",
                2 + minute / 1440, minute / 60 % 24, minute % 60, minute);
    }
}
