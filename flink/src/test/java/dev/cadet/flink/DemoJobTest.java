package dev.cadet.flink;

import dev.cadet.cli.ScanJob;
import dev.cadet.cli.internal.demo.DemoData;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Decision;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo week of CloudTrail delivery files, read by the job's FileSource at parallelism 1 and 2, gives
 * the findings and incidents {@code cadet scan} gives on the same folder with the same configuration.
 */
class DemoJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    static Path dir;
    static Path logs;
    static Path expected;
    static ScanResult scan;

    /**
     * The demo's approvals and a baseline stored from its first day, rebuilt inside each task from the
     * logs folder (parsed once per JVM).
     */
    record DemoSetup(String logs) implements DetectionSetup {
        private static final Map<String, DetectionConfig> BUILT = new ConcurrentHashMap<>();

        @Override
        public DetectionConfig config() {
            return BUILT.computeIfAbsent(logs, DemoSetup::build);
        }

        private static DetectionConfig build(String logs) {
            List<CloudEvent> events = new ArrayList<>();
            LogReader reader = LogReader.create();
            for (Path file : reader.expand(List.of(Path.of(logs)))) {
                reader.read(file, events::add);
            }
            DetectionConfig config = DetectionConfig.builder()
                    .approvedPrincipals(DemoData.APPROVED_PRINCIPALS)
                    .approvedSources(DemoData.APPROVED_SOURCES)
                    .build();
            return Reference.withStoredBaseline(config, events);
        }
    }

    @BeforeAll
    static void scanTheDemoWeek() {
        logs = dir.resolve("logs");
        new DemoData(DemoData.DEFAULT_SEED).writeTo(logs);
        DetectionConfig config = new DemoSetup(logs.toString()).config();
        scan = new ScanJob(LogReader.create(), config, 2, new ByteArrayInputStream(new byte[0])).run(List.of(logs));
        expected = dir.resolve("expected");
        Reference.write(expected, scan.findings(), scan.incidents());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void sameFindingsAndIncidentsAsTheScan(int parallelism) throws Exception {
        Path actual = dir.resolve("actual-" + parallelism);
        DemoSetup setup = new DemoSetup(logs.toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        CadetJob.build(env, CadetJob.source(List.of(logs.toString()), null), setup, actual.toString());
        env.execute("demo week");

        assertThat(scan.pipeline().late()).isZero();
        assertThat(scan.incidents()).anySatisfy(i -> assertThat(i.decision()).isEqualTo(Decision.ESCALATE_TIER2));
        for (String file : List.of("findings.jsonl", "incidents.jsonl")) {
            assertThat(Reference.read(actual, file)).as(file).isEqualTo(Reference.read(expected, file));
        }
        assertThat(Reference.read(actual, "summary.json")).contains("\"lateEvents\":0");
    }
}
