package dev.cadet.flink.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class WatermarksTest {

    private static final class Recorder implements WatermarkOutput {
        final List<Long> emitted = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }
    }

    private static CloudEvent at(String file, long time) {
        CloudEvent e = dev.cadet.detectors.testkit.E.other(user("alice")).at(time).build();
        return new CloudEvent(e.provider(), e.eventId() + file + time, e.time(), e.kind(), e.action(), e.outcome(),
                e.errorCode(), e.errorMessage(), e.actor(), e.source(), e.targets(), e.subject(), e.command(),
                e.cloud(), e.correlationId(), new Origin(file, 1, 0, 0));
    }

    @Test
    void theWatermarkFollowsTheStartOfTheFileBeingReadNotItsLatestEvent() {
        FileStartWatermarks w = new FileStartWatermarks(HOUR);
        Recorder out = new Recorder();
        w.onPeriodicEmit(out);
        assertThat(out.emitted).as("nothing before the first event").isEmpty();
        w.onEvent(at("a", 10 * HOUR), 10 * HOUR, out);
        w.onEvent(at("a", 16 * HOUR), 16 * HOUR, out);
        w.onPeriodicEmit(out);
        // A second file of the same six hours starts at 10:05: not late, though it is long before 16:00.
        w.onEvent(at("b", 10 * HOUR + 5), 10 * HOUR + 5, out);
        w.onPeriodicEmit(out);
        // A file starting earlier never moves the watermark back.
        w.onEvent(at("c", 9 * HOUR + 30), 9 * HOUR + 30, out);
        w.onPeriodicEmit(out);
        // Emitted as each file starts and on each periodic tick after that.
        assertThat(out.emitted).containsExactly(9 * HOUR - 1, 9 * HOUR - 1, 9 * HOUR + 4, 9 * HOUR + 4, 9 * HOUR + 4);
    }

    @Test
    void cadetsWatermarkIsFlinksPlusOneWithTheEndsKept() {
        assertThat(DetectFunction.cadetWatermark(41)).isEqualTo(42);
        assertThat(DetectFunction.cadetWatermark(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(DetectFunction.cadetWatermark(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }
}
