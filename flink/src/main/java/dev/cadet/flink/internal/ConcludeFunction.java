package dev.cadet.flink.internal;

import dev.cadet.detectors.KeyedDetection;
import dev.cadet.flink.DetectionSetup;
import dev.cadet.model.Finding;
import dev.cadet.model.Origin;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one task (parallelism 1, a single key) that gathers every partition's findings and the late events,
 * and at the end of input numbers the findings, correlates them into incidents, decides each
 * ({@link KeyedDetection#conclude}, exactly as a scan finishes) and writes the output folder. Findings and
 * late events live in keyed state, so a checkpoint or savepoint taken mid-stream carries them.
 *
 * <p>With a publishing interval it also writes the folder while the input goes on: whenever the watermark
 * passes a multiple of the interval after new findings arrived, it concludes everything so far and
 * rewrites the files, marked {@code "complete": false} with the watermark they hold up to. A continuous
 * job thus shows its incidents as they form; later findings may still join one or raise its decision.
 */
public final class ConcludeFunction extends KeyedProcessFunction<Integer, Signal, Void> {

    private static final long serialVersionUID = 1L;

    /** The one key every signal goes to. */
    public static final int KEY = 0;

    private final DetectionSetup setup;
    private final String output;
    /** Event time between interim writes, in millis; 0 for none. */
    private final long publishEvery;
    private transient KeyedDetection detection;
    private transient ListState<Finding> findings;
    private transient MapState<String, Origin> late;

    /**
     * @param setup  the detection configuration
     * @param output the output folder, a Flink file system URI or local path
     */
    public ConcludeFunction(DetectionSetup setup, String output) {
        this(setup, output, null);
    }

    /**
     * @param setup        the detection configuration
     * @param output       the output folder, a Flink file system URI or local path
     * @param publishEvery event time between interim writes, or {@code null} to write at the end of input only
     */
    public ConcludeFunction(DetectionSetup setup, String output, Duration publishEvery) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.output = Objects.requireNonNull(output, "output");
        this.publishEvery = publishEvery == null ? 0 : publishEvery.toMillis();
        if (publishEvery != null && this.publishEvery <= 0) {
            throw new IllegalArgumentException("the publishing interval must be positive, was " + publishEvery);
        }
    }

    @Override
    public void open(OpenContext context) {
        detection = KeyedDetection.create(setup.config());
        findings = getRuntimeContext().getListState(new ListStateDescriptor<>("findings",
                RecordTypeInfo.forClass(Finding.class)));
        late = getRuntimeContext().getMapState(new MapStateDescriptor<>("late-events", Types.STRING,
                RecordTypeInfo.forClass(Origin.class)));
    }

    @Override
    public void processElement(Signal signal, Context ctx, Collector<Void> out) throws Exception {
        // The end of input is the watermark reaching the end of time.
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        if (signal.finding() != null) {
            findings.add(signal.finding());
            if (publishEvery > 0) {
                // Timers of one key and time are kept once, so each interval writes at most once.
                long base = Math.max(ctx.timerService().currentWatermark(), signal.finding().lastSeen());
                ctx.timerService().registerEventTimeTimer((Math.floorDiv(base, publishEvery) + 1) * publishEvery);
            }
        } else if (signal.lateEvent() != null && !late.contains(signal.lateEvent())) {
            late.put(signal.lateEvent(), signal.lateAt());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Void> out) throws Exception {
        List<Finding> all = new ArrayList<>();
        for (Finding f : findings.get()) {
            all.add(f);
        }
        Map<String, Origin> lateEvents = new TreeMap<>();
        for (Map.Entry<String, Origin> e : late.entries()) {
            lateEvents.put(e.getKey(), e.getValue());
        }
        KeyedDetection.Conclusion conclusion = detection.conclude(all);
        if (timestamp != Long.MAX_VALUE) {
            JsonOutput.write(output, conclusion.findings(), conclusion.incidents(), lateEvents,
                    ctx.timerService().currentWatermark());
            return;
        }
        JsonOutput.write(output, conclusion.findings(), conclusion.incidents(), lateEvents);
        findings.clear();
        late.clear();
    }
}
