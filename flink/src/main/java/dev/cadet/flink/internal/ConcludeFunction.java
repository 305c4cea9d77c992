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
 */
public final class ConcludeFunction extends KeyedProcessFunction<Integer, Signal, Void> {

    private static final long serialVersionUID = 1L;

    /** The one key every signal goes to. */
    public static final int KEY = 0;

    private final DetectionSetup setup;
    private final String output;
    private transient KeyedDetection detection;
    private transient ListState<Finding> findings;
    private transient MapState<String, Origin> late;

    /**
     * @param setup  the detection configuration
     * @param output the output folder, a Flink file system URI or local path
     */
    public ConcludeFunction(DetectionSetup setup, String output) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.output = Objects.requireNonNull(output, "output");
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
        } else if (signal.lateEvent() != null && !late.contains(signal.lateEvent())) {
            late.put(signal.lateEvent(), signal.lateAt());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Void> out) throws Exception {
        if (timestamp != Long.MAX_VALUE) {
            return;
        }
        List<Finding> all = new ArrayList<>();
        for (Finding f : findings.get()) {
            all.add(f);
        }
        Map<String, Origin> lateEvents = new TreeMap<>();
        for (Map.Entry<String, Origin> e : late.entries()) {
            lateEvents.put(e.getKey(), e.getValue());
        }
        KeyedDetection.Conclusion conclusion = detection.conclude(all);
        JsonOutput.write(output, conclusion.findings(), conclusion.incidents(), lateEvents);
        findings.clear();
        late.clear();
    }
}
