package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Golden files for every CloudTrail shape: {@code golden/aws/<case>.json} must produce exactly the
 * events in {@code <case>.expected.jsonl}. Run with {@code -Dcadet.golden.update=true} to rewrite the
 * expected files from the current output (then review the diff).
 */
class GoldenAwsTest {

    private static final String FOLDER = "golden/aws/";
    private static final boolean UPDATE = Boolean.getBoolean("cadet.golden.update");

    private final LogReader reader = LogReader.builder().badRecords(BadRecordPolicy.FAIL).build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "records,        cloudtrail-records,       9, 0",
            "jsonl,          cloudtrail-jsonl,         7, 0",
            "single-record,  cloudtrail-jsonl,         1, 0",
            "array,          cloudtrail-array,         6, 0",
            "lookup-events,  cloudtrail-lookup-events, 2, 0",
            "eventbridge,    cloudtrail-eventbridge,   3, 1",
            "digest,         cloudtrail-digest,        1, 1",
    })
    void caseMatchesGolden(String name, String format, long records, long skipped) throws IOException {
        byte[] input = resource(name + ".json");
        List<String> actual = new ArrayList<>();
        FileResult result = reader.read(new ByteArrayInputStream(input), name + ".json",
                e -> actual.add(EventText.render(e)));

        assertThat(result.report().format()).isEqualTo(format);
        assertThat(result.report().records()).isEqualTo(records);
        assertThat(result.report().skipped()).isEqualTo(skipped);
        assertThat(result.report().events()).isEqualTo(records - skipped).isEqualTo(actual.size());
        assertThat(result.report().quarantined()).isZero();
        assertThat(result.report().error()).isNull();
        compareOrUpdate(name, actual);
    }

    @ParameterizedTest(name = "{0} gzip-compressed")
    @CsvSource({"records", "jsonl", "lookup-events"})
    void gzipCopyGivesTheSameEvents(String name) throws IOException {
        assumeFalse(UPDATE, "expected files are being rewritten; compare the gzip copies on the next run");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(resource(name + ".json"));
        }
        List<String> actual = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        // A name without .gz: the gzip layer is found by content.
        FileResult result = reader.read(new ByteArrayInputStream(gz.toByteArray()), name + ".log", e -> {
            events.add(e);
            actual.add(EventText.render(e));
        });

        assertThat(result.report().error()).isNull();
        assertThat(actual).containsExactlyElementsOf(expected(name));
        assertThat(events).allSatisfy(e -> assertThat(e.origin().file()).isEqualTo(name + ".log"));
    }

    private void compareOrUpdate(String name, List<String> actual) throws IOException {
        if (UPDATE) {
            Path file = Path.of("src/test/resources", FOLDER, name + ".expected.jsonl");
            Files.writeString(file, actual.isEmpty() ? "" : String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).containsExactlyElementsOf(expected(name));
    }

    private static List<String> expected(String name) throws IOException {
        String text = new String(resource(name + ".expected.jsonl"), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenAwsTest.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + FOLDER + name
                        + " (run once with -Dcadet.golden.update=true to create expected files)");
            }
            return in.readAllBytes();
        }
    }
}
