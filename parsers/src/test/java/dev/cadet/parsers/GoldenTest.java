package dev.cadet.parsers;

import dev.cadet.model.Command;
import dev.cadet.model.Reject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Golden files for every provider and shape: {@code golden/<provider>/<case>} must produce exactly the lines
 * in {@code <case without extension>.expected.jsonl}: the events in input order, then the command history
 * entries, then the quarantined records (reason and location). Run with {@code -Dcadet.golden.update=true}
 * to rewrite the expected files from the current output (then review the diff).
 */
class GoldenTest {

    private static final String FOLDER = "golden/";
    private static final boolean UPDATE = Boolean.getBoolean("cadet.golden.update");

    private final LogReader reader = LogReader.create();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // case,                          format,                       records, events, skipped, quarantined
            "aws/records.json,                cloudtrail-records,           9,  9, 0, 0",
            "aws/jsonl.json,                  cloudtrail-jsonl,             7,  7, 0, 0",
            "aws/single-record.json,          cloudtrail-jsonl,             1,  1, 0, 0",
            "aws/array.json,                  cloudtrail-array,             6,  6, 0, 0",
            "aws/lookup-events.json,          cloudtrail-lookup-events,     2,  2, 0, 0",
            "aws/eventbridge.json,            cloudtrail-eventbridge,       3,  2, 1, 0",
            "aws/digest.json,                 cloudtrail-digest,            1,  0, 1, 0",
            "azure/records.json,              azure-records,               11, 10, 0, 1",
            "azure/records-lines.json,        azure-records,                3,  3, 0, 0",
            "azure/value.json,                azure-value,                  4,  4, 0, 0",
            "azure/cli-array.json,            azure-array,                  2,  2, 0, 0",
            "azure/jsonl.json,                azure-jsonl,                  6,  3, 0, 3",
            "entra/signins-value.json,        entra-value,                  5,  5, 0, 0",
            "entra/signins-records.json,      azure-records,                3,  3, 0, 0",
            "entra/audits-value.json,         entra-value,                  5,  4, 0, 1",
            "entra/audits-loganalytics.json,  entra-jsonl,                  2,  2, 0, 0",
            "entra/signins-loganalytics.json, entra-jsonl,                  2,  2, 0, 0",
            "gcp/gcloud-array.json,           gcp-array,                   11, 10, 1, 0",
            "gcp/sink.json,                   gcp-jsonl,                    3,  2, 0, 1",
            "gcp/entries.json,                gcp-entries,                  1,  1, 0, 0",
            "ssm/list-commands.json,          ssm-list-commands,            2,  0, 2, 0",
            "ssm/list-command-invocations.json, ssm-list-command-invocations, 3, 0, 3, 0",
            "csv/sentinel-awscloudtrail.csv,  cloudtrail-csv,               4,  3, 0, 1",
            "csv/athena-cloudtrail.csv,       cloudtrail-csv,               3,  3, 0, 0",
            "csv/cloudtrail-lake.csv,         cloudtrail-csv,               2,  2, 0, 0",
            "csv/sentinel-azureactivity.csv,  azure-activity-csv,           3,  3, 0, 0",
            "csv/azure-portal.csv,            azure-portal-csv,             2,  2, 0, 0",
    })
    void caseMatchesGolden(String name, String format, long records, long events, long skipped, long quarantined)
            throws IOException {
        List<String> actual = new ArrayList<>();
        FileResult result = reader.read(new ByteArrayInputStream(resource(name)), name,
                e -> actual.add(EventText.render(e)));
        for (Command c : result.history()) {
            actual.add(EventText.render(c));
        }
        for (Reject r : result.rejects()) {
            actual.add(EventText.render(r));
        }

        assertThat(result.report().error()).isNull();
        assertThat(result.report().format()).isEqualTo(format);
        assertThat(result.report().records()).isEqualTo(records);
        assertThat(result.report().events()).isEqualTo(events);
        assertThat(result.report().skipped()).isEqualTo(skipped);
        assertThat(result.report().quarantined()).isEqualTo(quarantined);
        compareOrUpdate(name, actual);
    }

    @ParameterizedTest(name = "{0} gzip-compressed")
    @CsvSource({"aws/records.json", "aws/jsonl.json", "aws/lookup-events.json", "azure/records.json",
            "gcp/sink.json", "csv/sentinel-awscloudtrail.csv"})
    void gzipCopyGivesTheSameEvents(String name) throws IOException {
        assumeFalse(UPDATE, "expected files are being rewritten; compare the gzip copies on the next run");
        List<String> actual = new ArrayList<>();
        // A name without .gz: the gzip layer is found by content.
        FileResult result = reader.read(new ByteArrayInputStream(Reads.gzip(resource(name))), "copy.log", e -> {
            assertThat(e.origin().file()).isEqualTo("copy.log");
            actual.add(EventText.render(e));
        });
        result.history().forEach(c -> actual.add(EventText.render(c)));
        result.rejects().forEach(r -> actual.add(EventText.render(r)));

        assertThat(result.report().error()).isNull();
        assertThat(actual).containsExactlyElementsOf(expected(name));
    }

    private void compareOrUpdate(String name, List<String> actual) throws IOException {
        if (UPDATE) {
            Path file = Path.of("src/test/resources", FOLDER, expectedName(name));
            Files.writeString(file, actual.isEmpty() ? "" : String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).containsExactlyElementsOf(expected(name));
    }

    private static List<String> expected(String name) throws IOException {
        String text = new String(resource(expectedName(name)), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static String expectedName(String name) {
        return name.substring(0, name.lastIndexOf('.')) + ".expected.jsonl";
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenTest.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + FOLDER + name
                        + " (run once with -Dcadet.golden.update=true to create expected files)");
            }
            return in.readAllBytes();
        }
    }
}
