package dev.cadet.flink;

import dev.cadet.cli.ScanJob;
import dev.cadet.cli.internal.demo.DemoData;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job watching a folder never ends, yet its results can be read while it runs: the concluding task
 * rewrites the output as of the watermark, marked incomplete, and every finding it shows is one that
 * {@code cadet scan} finds over the whole folder.
 */
class PublishJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void aWatchingJobPublishesInterimResultsWhileItRuns(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        new DemoData(DemoData.DEFAULT_SEED).writeTo(logs);
        DemoJobTest.DemoSetup setup = new DemoJobTest.DemoSetup(logs.toString());
        ScanResult scan = new ScanJob(LogReader.create(), setup.config(), 2, new ByteArrayInputStream(new byte[0]))
                .run(List.of(logs));
        Path expected = dir.resolve("expected");
        Reference.write(expected, scan.findings(), scan.incidents());

        Path out = dir.resolve("out");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CadetJob.build(env, CadetJob.source(List.of(logs.toString()), Duration.ofMillis(200)), setup, out.toString(),
                Duration.ofHours(6));
        JobClient job = env.executeAsync("watching the demo week");
        String summary;
        try {
            summary = awaitInterim(out.resolve("summary.json"));
        } finally {
            job.cancel().get();
        }

        assertThat(summary).contains("\"complete\":false").contains("\"asOf\":\"");
        Set<String> shown = withoutIds(out.resolve("findings.jsonl"));
        assertThat(shown).isNotEmpty();
        assertThat(withoutIds(expected.resolve("findings.jsonl"))).as("every finding shown is one the scan finds")
                .containsAll(shown);
        assertThat(Files.readString(out.resolve("incidents.jsonl"))).isNotEmpty();
    }

    /** The summary once an interim write with at least one incident is there; the job keeps running. */
    private static String awaitInterim(Path summary) throws IOException, InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (Files.exists(summary)) {
                String text = Files.readString(summary);
                if (!text.contains("\"incidents\":0,")) {
                    return text;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no interim results with an incident after 120 s in " + summary.getParent());
    }

    /** A findings file's lines without their ids, which interim results number by what they hold so far. */
    private static Set<String> withoutIds(Path findings) throws IOException {
        return Files.readAllLines(findings).stream()
                .map(line -> line.replaceFirst("^\\{\"id\":\"F-\\d+\",", "{"))
                .collect(Collectors.toSet());
    }
}
