package dev.cadet.flink;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.DetectionResult;
import dev.cadet.detectors.Pipeline;
import dev.cadet.detectors.scenarios.Scenario;
import dev.cadet.detectors.scenarios.ScenarioLibrary;
import dev.cadet.flink.internal.RecordTypeInfo;
import dev.cadet.model.CloudEvent;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every story of the multi-cloud scenario library gives, on Flink at parallelism 1 and 2, the findings and
 * incidents the single-process pipeline gives on the same events with the same configuration.
 */
class ScenarioJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** Rebuilds a scenario's configuration, with its baseline stored, inside each task. */
    record ScenarioSetup(String name) implements DetectionSetup {
        @Override
        public DetectionConfig config() {
            Scenario s = scenario(name);
            return Reference.withStoredBaseline(s.config(), s.events());
        }
    }

    /**
     * Bounded out-of-orderness that emits a watermark after every event, not on the periodic timer, so the
     * detector partitions advance while the events still come, the same way on every run.
     */
    static WatermarkStrategy<CloudEvent> everyEvent(long lateness) {
        return WatermarkStrategy.<CloudEvent>forGenerator(context -> new WatermarkGenerator<>() {
            private long max = Long.MIN_VALUE + lateness + 1;

            @Override
            public void onEvent(CloudEvent event, long timestamp, WatermarkOutput output) {
                max = Math.max(max, timestamp);
                output.emitWatermark(new Watermark(max - lateness - 1));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                // every event emits
            }
        }).withTimestampAssigner((event, previous) -> event.time());
    }

    static Scenario scenario(String name) {
        return ScenarioLibrary.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static Stream<Arguments> runs() {
        return ScenarioLibrary.all().stream().flatMap(s -> Stream.of(Arguments.of(s.name(), 1, 10_000),
                Arguments.of(s.name(), 2, 1)));
    }

    /**
     * At parallelism 2 each task keeps one partition deserialized, so partitions go to keyed state and
     * come back on almost every event.
     */
    @ParameterizedTest(name = "{0} at parallelism {1}, {2} partitions cached")
    @MethodSource("runs")
    void sameFindingsAndIncidentsAsThePipeline(String name, int parallelism, int cached, @TempDir Path dir)
            throws Exception {
        Scenario s = scenario(name);
        ScenarioSetup setup = new ScenarioSetup(name);
        Pipeline pipeline = Pipeline.create(setup.config());
        s.events().forEach(pipeline::push);
        DetectionResult expected = pipeline.finish();
        Reference.write(dir.resolve("expected"), expected.findings(), expected.incidents());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<CloudEvent> events = env.fromData(s.events(), RecordTypeInfo.forClass(CloudEvent.class))
                .assignTimestampsAndWatermarks(everyEvent(setup.config().allowedLateness().toMillis()));
        CadetJob.build(events, setup, dir.resolve("actual").toString(), cached);
        env.execute(name);

        assertThat(expected.findings()).as("the scenario has findings to compare").isNotEmpty();
        for (String file : List.of("findings.jsonl", "incidents.jsonl")) {
            assertThat(Reference.read(dir.resolve("actual"), file)).as(file)
                    .isEqualTo(Reference.read(dir.resolve("expected"), file));
        }
        assertThat(Reference.read(dir.resolve("actual"), "summary.json")).contains("\"lateEvents\":0");
    }
}
