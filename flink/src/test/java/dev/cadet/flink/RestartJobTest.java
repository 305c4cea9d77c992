package dev.cadet.flink;

import dev.cadet.cli.ScanJob;
import dev.cadet.cli.internal.demo.DemoData;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.flink.internal.RecordTypeInfo;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job watching a folder is stopped with a savepoint after the first half of the files, the rest of the
 * files arrive, and a job at another parallelism resumes from the savepoint: the findings and incidents
 * are those of {@code cadet scan} over the whole folder. So the detectors' keyed state, the findings held
 * for the end and the source's record of the files it read all travel through the savepoint, and
 * rescale.
 */
class RestartJobTest {

    /** Files of the demo used: its first two days, enough for every kind of finding the week has. */
    static final int FILES = 24;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** Events read by the running job so far. */
    static final AtomicLong READ = new AtomicLong();

    /** Counts the events the source emits; the savepoint barrier follows every one counted. */
    static final class Tap implements MapFunction<CloudEvent, CloudEvent> {
        @Override
        public CloudEvent map(CloudEvent event) {
            READ.incrementAndGet();
            return event;
        }
    }

    @Test
    void stopWithSavepointMidStreamThenResumeAtAnotherParallelism(@TempDir Path dir) throws Exception {
        Path all = dir.resolve("all");
        new DemoData(DemoData.DEFAULT_SEED).writeTo(all);
        List<Path> files = inDeliveryOrder(all).subList(0, FILES);
        Path watched = dir.resolve("watched");
        List<Path> first = files.subList(0, FILES / 2);
        List<Path> second = files.subList(FILES / 2, FILES);
        long firstEvents = copy(all, first, watched);

        DemoJobTest.DemoSetup setup = new DemoJobTest.DemoSetup(watched.toString());
        String output = dir.resolve("out").toString();
        READ.set(0);
        JobClient job = start(watched, setup, output, 1, null);
        waitFor(() -> READ.get(), firstEvents);
        String savepoint = stop(job, false, dir.resolve("savepoints"));
        assertThat(Files.exists(dir.resolve("out").resolve("findings.jsonl")))
                .as("no output before the end of input").isFalse();

        long secondEvents = copy(all, second, watched);
        READ.set(0);
        JobClient resumed = start(watched, setup, output, 2, savepoint);
        waitFor(() -> READ.get(), secondEvents);
        // Draining moves the watermark to the end of time: the partitions flush and the findings are written.
        stop(resumed, true, dir.resolve("savepoints"));
        resumed.getJobExecutionResult().get(2, TimeUnit.MINUTES);
        assertThat(READ.get()).as("the resumed job read only the new files: the rest came from the savepoint")
                .isEqualTo(secondEvents);

        DetectionConfig config = setup.config();
        ScanResult scan = new ScanJob(LogReader.create(), config, 2, new ByteArrayInputStream(new byte[0]))
                .run(List.of(watched));
        Path expected = dir.resolve("expected");
        Reference.write(expected, scan.findings(), scan.incidents());
        assertThat(scan.findings()).isNotEmpty();
        for (String file : List.of("findings.jsonl", "incidents.jsonl")) {
            assertThat(Reference.read(Path.of(output), file)).as(file).isEqualTo(Reference.read(expected, file));
        }
        assertThat(Reference.read(Path.of(output), "summary.json")).contains("\"lateEvents\":0");
    }

    private static JobClient start(Path watched, DetectionSetup setup, String output, int parallelism,
                                   String savepoint)
            throws Exception {
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        DataStream<CloudEvent> events = env.fromSource(CadetJob.source(List.of(watched.toString()),
                        Duration.ofMillis(50)), CadetJob.watermarks(setup), "cadet log files",
                        RecordTypeInfo.forClass(CloudEvent.class)).uid(CadetJob.SOURCE_UID)
                .map(new Tap(), RecordTypeInfo.forClass(CloudEvent.class)).uid("tap");
        CadetJob.build(events, setup, output);
        return env.executeAsync("watched folder");
    }

    /**
     * Stops the job with a savepoint, draining it to the end of event time or not. A savepoint is refused
     * while a task is still being deployed (the source can have read everything by then): try again.
     */
    private static String stop(JobClient job, boolean drain, Path savepoints) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return job.stopWithSavepoint(drain, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get(2, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                if (attempt == 50 || !String.valueOf(e.getMessage()).contains("is not being executed")) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void waitFor(LongSupplier read, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (read.getAsLong() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job read " + read.getAsLong() + " of " + expected + " events");
            }
            Thread.sleep(20);
        }
        assertThat(read.getAsLong()).isEqualTo(expected);
    }

    private static List<Path> inDeliveryOrder(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().split("_")[3])
                            .thenComparing(Path::toString))
                    .toList();
        }
    }

    /** Copies files under {@code to}, keeping their folders; returns how many events they hold. */
    private static long copy(Path from, List<Path> files, Path to) throws IOException {
        List<CloudEvent> events = new ArrayList<>();
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f));
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
            LogReader.create().read(target, events::add);
        }
        return events.size();
    }
}
