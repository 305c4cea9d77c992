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
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hosts the detectors' state of each partition key in Flink keyed state: the partition's compact snapshot
 * in a {@code ValueState<byte[]>}, cleared once the partition holds nothing. So checkpoints, savepoints and
 * rescaling carry the detectors' state like any other keyed state.
 *
 * <p>Partitions in use stay deserialized on the heap between checkpoints: restoring and snapshotting a
 * busy key's partition on every event costs in proportion to what it holds (a principal with thousands of
 * events inside the lateness), so the cache is written to keyed state only before each checkpoint barrier
 * ({@link DetectOperator} calls {@link #flush}) and when it holds more than {@code cachedPartitions} keys.
 * A partition that becomes empty is dropped from both at once.
 *
 * <p>Time: cadet's watermark {@code w} means "no event with time &lt; w follows"; Flink's means "no event
 * with timestamp &lt;= wm follows", so cadet's is Flink's plus one. A partition is woken by an event-time
 * timer one millisecond before its {@link DetectorPartition#nextWakeUp()}; one that holds state with nothing
 * to do before the end gets a timer at {@link Long#MAX_VALUE}, which fires at the end of input. Events older
 * than the watermark are late: counted ({@code lateEvents}) and sent to {@link #LATE}.
 */
public final class DetectFunction extends KeyedProcessFunction<String, KeyedEvent, Signal> {

    private static final long serialVersionUID = 1L;

    /** Events that arrived after the watermark had passed them, once per partition key they were meant for. */
    public static final OutputTag<CloudEvent> LATE = new OutputTag<>("late-events",
            RecordTypeInfo.forClass(CloudEvent.class));

    /** Partitions kept deserialized between checkpoints when nothing else is said. */
    public static final int DEFAULT_CACHED_PARTITIONS = 10_000;

    private final DetectionSetup setup;
    private final int cachedPartitions;
    private transient KeyedDetection detection;
    private transient ValueState<byte[]> state;
    private transient Map<String, DetectorPartition> cache;
    private transient Consumer<String> keySwitch;
    private transient Counter events;
    private transient Counter late;
    private transient Counter stateBytes;

    /**
     * @param setup            the detection configuration
     * @param cachedPartitions partitions kept deserialized between checkpoints, at least 1
     */
    public DetectFunction(DetectionSetup setup, int cachedPartitions) {
        this.setup = Objects.requireNonNull(setup, "setup");
        if (cachedPartitions < 1) {
            throw new IllegalArgumentException("cachedPartitions must be >= 1, was " + cachedPartitions);
        }
        this.cachedPartitions = cachedPartitions;
    }

    @Override
    public void open(OpenContext context) {
        detection = KeyedDetection.create(setup.config());
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("detector-partition",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        cache = new HashMap<>();
        events = getRuntimeContext().getMetricGroup().counter("events");
        late = getRuntimeContext().getMetricGroup().counter("lateEvents");
        stateBytes = getRuntimeContext().getMetricGroup().counter("stateBytesWritten");
    }

    /** How the operator sets the current key, so that {@link #flush} can write each cached key's state. */
    void keySwitch(Consumer<String> setCurrentKey) {
        this.keySwitch = setCurrentKey;
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
        DetectorPartition partition = partition(in.key());
        if (!partition.push(in.event(), watermark)) {
            if (in.event().time() < watermark) {
                late.inc();
                ctx.output(LATE, in.event());
            }
            // else a repeat of an event id this partition has seen: dropped, as the scan drops it
        }
        keep(in.key(), partition, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Signal> out) throws Exception {
        String key = ctx.getCurrentKey();
        DetectorPartition partition = cache.get(key);
        if (partition == null) {
            byte[] bytes = state.value();
            if (bytes == null) {
                return; // emptied since this timer was set
            }
            partition = detection.restore(bytes);
        }
        long watermark = cadetWatermark(ctx.timerService().currentWatermark());
        partition.advance(watermark, f -> out.collect(Signal.found(f)));
        if (watermark == Long.MAX_VALUE) {
            // The end of input: the partition has emitted everything; what it still remembers is of no use.
            cache.remove(key);
            state.clear();
            return;
        }
        keep(key, partition, ctx.timerService());
    }

    private DetectorPartition partition(String key) throws IOException {
        DetectorPartition cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = state.value();
        return bytes == null ? detection.newPartition(key) : detection.restore(bytes);
    }

    private void keep(String key, DetectorPartition partition, TimerService timers) throws Exception {
        if (partition.isEmpty()) {
            cache.remove(key);
            state.clear();
            return;
        }
        long next = partition.nextWakeUp();
        long at = next == Long.MAX_VALUE ? Long.MAX_VALUE : next - 1;
        // A timer at or before the current watermark would fire again in the same watermark step; the
        // partition wants nothing that early (it has been advanced to it), so never ask for it.
        long now = timers.currentWatermark();
        if (at <= now && now != Long.MAX_VALUE) {
            at = now + 1;
        }
        // Registering the same time twice keeps one timer; a timer with nothing left to do is harmless.
        timers.registerEventTimeTimer(at);
        cache.put(key, partition);
        if (cache.size() > cachedPartitions) {
            flush();
            keySwitch.accept(key);
        }
    }

    /** Writes every cached partition to keyed state and empties the cache; leaves the current key changed. */
    void flush() throws IOException {
        for (Map.Entry<String, DetectorPartition> e : cache.entrySet()) {
            keySwitch.accept(e.getKey());
            byte[] bytes = detection.snapshot(e.getValue());
            stateBytes.inc(bytes.length);
            state.update(bytes);
        }
        cache.clear();
    }
}
