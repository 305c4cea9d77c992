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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job watching a folder never ends, yet its results can be read while it runs: the concluding task
 * rewrites the output as of the watermark, marked incomplete, and every finding it shows is one that
 * {@code cadet scan} finds over the whole folder (a failed sign-in finding possibly with one of its two sides).
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
            cancelAndWait(job);
        }

        assertThat(summary).contains("\"complete\":false").contains("\"asOf\":\"");
        Set<String> shown = withoutIds(out.resolve("findings.jsonl"));
        assertThat(shown).isNotEmpty();
        Set<String> found = withoutIds(expected.resolve("findings.jsonl"));
        List<String> signIns = found.stream().filter(PublishJobTest::isFailedThenSuccess)
                .map(PublishJobTest::lastEvidence).toList();
        for (String finding : shown) {
            if (isFailedThenSuccess(finding)) {
                // The principal's and the address's side of one sign-in are separate keys, possibly on separate
                // slots: one side may be shown before the other has reported. Its success is one the scan finds.
                assertThat(signIns).as("the success of a shown sign-in finding").contains(lastEvidence(finding));
            } else {
                assertThat(found).as("every other finding shown is one the scan finds").contains(finding);
            }
        }
        assertThat(Files.readString(out.resolve("incidents.jsonl"))).isNotEmpty();
    }

    /** Cancels the job and waits until it has stopped, so that no task still writes into the folder. */
    private static void cancelAndWait(JobClient job) throws Exception {
        job.cancel().get();
        for (int i = 0; i < 600 && !job.getJobStatus().get().isGloballyTerminalState(); i++) {
            Thread.sleep(100);
        }
    }

    private static boolean isFailedThenSuccess(String finding) {
        return finding.contains("\"detector\":\"failed-then-success\"");
    }

    /** The id of a finding line's last evidence event: for a sign-in finding, the success. */
    private static String lastEvidence(String finding) {
        Matcher m = EVENT_ID.matcher(finding);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]*)\"");

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
