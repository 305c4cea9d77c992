package dev.cadet.flink;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.DetectionResult;
import dev.cadet.detectors.Pipeline;
import dev.cadet.detectors.scenarios.Scenario;
import dev.cadet.detectors.testkit.E;
import dev.cadet.flink.internal.RecordTypeInfo;
import dev.cadet.model.CloudEvent;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events older than the watermark are counted and listed, once each however many partition keys they
 * have, never analysed, and the rest of the result is the pipeline's.
 */
class LateEventsJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    /** The brute-force scenario with two events that arrive after their time has passed. */
    record LateSetup() implements DetectionSetup {
        @Override
        public DetectionConfig config() {
            return new ScenarioJobTest.ScenarioSetup("aws-brute-force-then-commands").config();
        }
    }

    static List<CloudEvent> events() {
        Scenario s = ScenarioJobTest.scenario("aws-brute-force-then-commands");
        List<CloudEvent> events = new ArrayList<>(s.events());
        long last = events.get(events.size() - 1).time();
        // A command and an IAM change for someone else (two partition keys), both three hours late.
        events.add(E.command(user("mallory")).id("late-command").ip("203.0.113.99").targets("i-0late")
                .at(last - 3 * HOUR).build());
        events.add(E.createKey(user("mallory"), user("bob"), "AKIALATE000000000001").id("late-key")
                .ip("203.0.113.99").at(last - 3 * HOUR + 1).build());
        return events;
    }

    @Test
    void lateEventsAreCountedOnceAndNotAnalysed(@TempDir Path dir) throws Exception {
        LateSetup setup = new LateSetup();
        List<CloudEvent> events = events(); // once: the test kit numbers the records it builds
        Pipeline pipeline = Pipeline.create(setup.config());
        events.forEach(pipeline::push);
        DetectionResult expected = pipeline.finish();
        assertThat(expected.counters().late()).isEqualTo(2);
        Reference.write(dir.resolve("expected"), expected.findings(), expected.incidents());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<CloudEvent> stream = env.fromData(events, RecordTypeInfo.forClass(CloudEvent.class))
                .assignTimestampsAndWatermarks(ScenarioJobTest.everyEvent(setup.config().allowedLateness().toMillis()));
        CadetJob.build(stream, setup, dir.resolve("actual").toString());
        env.execute("late events");

        for (String file : List.of("findings.jsonl", "incidents.jsonl")) {
            assertThat(Reference.read(dir.resolve("actual"), file)).as(file)
                    .isEqualTo(Reference.read(dir.resolve("expected"), file));
        }
        assertThat(Reference.read(dir.resolve("actual"), "summary.json"))
                .contains("\"lateEvents\":2")
                .contains("\"event\":\"AWS/late-command\"")
                .contains("\"event\":\"AWS/late-key\"");
    }
}
