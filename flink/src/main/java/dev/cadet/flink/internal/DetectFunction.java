package dev.cadet.flink.internal;

import dev.cadet.detectors.DetectorPartition;
import dev.cadet.detectors.KeyedDetection;
import dev.cadet.flink.DetectionSetup;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hosts the detectors' state of one partition key in Flink keyed state: the partition's compact snapshot
 * in a {@code ValueState<byte[]>}, restored on every access and written back after it, cleared once the
 * partition holds nothing. So checkpoints, savepoints and rescaling carry the detectors' state like any
 * other keyed state.
 *
 * <p>Time: cadet's watermark {@code w} means "no event with time &lt; w follows"; Flink's means "no event
 * with timestamp &lt;= wm follows", so cadet's is Flink's plus one. The partition is woken by an event-time
 * timer one millisecond before its {@link DetectorPartition#nextWakeUp()}, and a partition that still holds
 * state with nothing to do before the end gets a timer at {@link Long#MAX_VALUE}, which fires at the end of
 * input. Events older than the watermark are late: counted ({@code lateEvents}) and sent to {@link #LATE}.
 */
public final class DetectFunction extends KeyedProcessFunction<String, KeyedEvent, Signal> {

    private static final long serialVersionUID = 1L;

    /** Events that arrived after the watermark had passed them, per partition key they were meant for. */
    public static final OutputTag<CloudEvent> LATE = new OutputTag<>("late-events", JavaTypeInfo.forClass(CloudEvent.class));

    private final DetectionSetup setup;
    private transient KeyedDetection detection;
    private transient ValueState<byte[]> state;
    private transient Counter events;
    private transient Counter late;
    private transient Counter stateBytes;

    public DetectFunction(DetectionSetup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    @Override
    public void open(OpenContext context) {
        detection = KeyedDetection.create(setup.config());
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("detector-partition",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        events = getRuntimeContext().getMetricGroup().counter("events");
        late = getRuntimeContext().getMetricGroup().counter("lateEvents");
        stateBytes = getRuntimeContext().getMetricGroup().counter("stateBytesWritten");
    }

    /** cadet's watermark for Flink's: one more, with the ends of the range kept where they are. */
    static long cadetWatermark(long flinkWatermark) {
        return flinkWatermark == Long.MIN_VALUE || flinkWatermark == Long.MAX_VALUE ? flinkWatermark
                : flinkWatermark + 1;
    }

    @Override
    public void processElement(KeyedEvent in, Context ctx, Collector<Signal> out) throws Exception {
        events.inc();
        long watermark = cadetWatermark(ctx.timerService().currentWatermark());
        DetectorPartition partition = load(in.key());
        if (!partition.push(in.event(), watermark)) {
            if (in.event().time() < watermark) {
                late.inc();
                ctx.output(LATE, in.event());
            }
            // else a duplicate of an event this partition already has: dropped, as the scan drops it
            return;
        }
        store(partition, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        byte[] bytes = state.value();
        if (bytes == null) {
            return;
        }
        DetectorPartition partition = detection.restore(bytes);
        Consumer<Finding> found = f -> out.collect(Signal.found(f));
        partition.advance(cadetWatermark(ctx.timerService().currentWatermark()), found);
        store(partition, ctx);
    }

    private DetectorPartition load(String key) throws Exception {
        byte[] bytes = state.value();
        return bytes == null ? detection.newPartition(key) : detection.restore(bytes);
    }

    private void store(DetectorPartition partition, Context ctx) throws Exception {
        if (partition.isEmpty()) {
            state.clear();
            return;
        }
        byte[] bytes = detection.snapshot(partition);
        stateBytes.inc(bytes.length);
        state.update(bytes);
        long next = partition.nextWakeUp();
        // Registering the same time twice keeps one timer; a timer with nothing left to do is harmless.
        ctx.timerService().registerEventTimeTimer(next == Long.MAX_VALUE ? Long.MAX_VALUE : next - 1);
    }
}
