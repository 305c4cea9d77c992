package dev.cadet.flink;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.KeyedDetection;
import dev.cadet.flink.internal.CloudEventFormat;
import dev.cadet.flink.internal.ConcludeFunction;
import dev.cadet.flink.internal.DetectFunction;
import dev.cadet.flink.internal.DetectOperator;
import dev.cadet.flink.internal.FileStartWatermarks;
import dev.cadet.flink.internal.RecordTypeInfo;
import dev.cadet.flink.internal.KeySplitter;
import dev.cadet.flink.internal.PrefetchingFileSource;
import dev.cadet.flink.internal.KeyedEvent;
import dev.cadet.flink.internal.Signal;
import dev.cadet.flink.internal.TimeOrderedSplitAssigner;
import dev.cadet.model.CloudEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * cadet's detectors as a Flink job: log files in (a folder or bucket path, read once or watched), findings
 * and incidents out as JSON Lines.
 *
 * <pre>
 * FileSource (cadet's parsers, files in delivery-time order and a few ahead per reader,
 *             watermark = file start - allowed lateness)
 *   -&gt; one copy of each event per partition key (principal, source, account, target)
 *   -&gt; keyBy(key): DetectFunction, the detectors' state per key in Flink keyed state (cached on the heap
 *      between checkpoints)
 *   -&gt; one task: ConcludeFunction numbers, correlates and decides at the end of input, writes the files
 * </pre>
 *
 * <p>Submit with {@code flink run -c dev.cadet.flink.CadetJob cadet-flink.jar --input PATH --output PATH};
 * {@link JobOptions} lists the options. How to run it at scale is in {@code docs/scale-out.md}.
 */
public final class CadetJob {

    /** Operator ids: savepoints map state to operators by these, so they never change. */
    public static final String SOURCE_UID = "cadet-files";
    public static final String KEYS_UID = "cadet-keys";
    public static final String DETECT_UID = "cadet-detect";
    public static final String LATE_UID = "cadet-late";
    public static final String START_UID = "cadet-start";
    public static final String CONCLUDE_UID = "cadet-conclude";

    /** Files each source reader holds ahead of the one it reads. */
    static final int FILES_AHEAD = 4;

    private CadetJob() {
    }

    public static void main(String[] args) throws Exception {
        JobOptions options = JobOptions.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        options.configure(env);
        build(env, source(options.inputs(), options.monitorInterval()), options, options.output(),
                options.publishEvery());
        env.execute("cadet " + String.join(",", options.inputs()));
    }

    /**
     * The file source: cadet's parsers, one file per split, files handed out in delivery-time order, each
     * reader holding a few files ahead.
     *
     * @param inputs  folders or files (local paths or Flink file system URIs such as {@code s3://bucket/AWSLogs})
     * @param monitor how often to look for new files, or {@code null} to read what is there and end
     */
    public static Source<CloudEvent, ?, ?> source(List<String> inputs, Duration monitor) {
        Path[] paths = inputs.stream().map(Path::new).toArray(Path[]::new);
        FileSource.FileSourceBuilder<CloudEvent> b = FileSource.forBulkFileFormat(new CloudEventFormat(), paths)
                .setSplitAssigner(TimeOrderedSplitAssigner::new);
        if (monitor != null) {
            b.monitorContinuously(monitor);
        }
        return new PrefetchingFileSource<>(b.build(), FILES_AHEAD);
    }

    /** Reads the events from {@code source} and adds the detection to {@code env}. */
    public static void build(StreamExecutionEnvironment env, Source<CloudEvent, ?, ?> source, DetectionSetup setup,
                             String output) {
        build(env, source, setup, output, null);
    }

    /**
     * Reads the events from {@code source} and adds the detection to {@code env}.
     *
     * @param publishEvery event time between interim writes of the output, or {@code null} for none
     */
    public static void build(StreamExecutionEnvironment env, Source<CloudEvent, ?, ?> source, DetectionSetup setup,
                             String output, Duration publishEvery) {
        DataStream<CloudEvent> events = env.fromSource(source, watermarks(setup), "cadet log files",
                RecordTypeInfo.forClass(CloudEvent.class)).uid(SOURCE_UID);
        build(events, setup, output, DetectFunction.DEFAULT_CACHED_PARTITIONS, publishEvery);
    }

    /**
     * The event-time rule of the file source: out of order by at most cadet's allowed lateness, measured
     * from the start of the file being read ({@link FileStartWatermarks} says why).
     */
    public static WatermarkStrategy<CloudEvent> watermarks(DetectionSetup setup) {
        long lateness = detection(setup).allowedLatenessMillis();
        return WatermarkStrategy.<CloudEvent>forGenerator(context -> new FileStartWatermarks(lateness))
                .withTimestampAssigner((event, previous) -> event.time());
    }

    /** Adds the detection to a stream of events with event-time timestamps and watermarks. */
    public static void build(DataStream<CloudEvent> events, DetectionSetup setup, String output) {
        build(events, setup, output, DetectFunction.DEFAULT_CACHED_PARTITIONS);
    }

    /**
     * Adds the detection to a stream of events with event-time timestamps and watermarks.
     *
     * @param cachedPartitions detector partitions each task keeps deserialized between checkpoints
     */
    public static void build(DataStream<CloudEvent> events, DetectionSetup setup, String output,
                             int cachedPartitions) {
        build(events, setup, output, cachedPartitions, null);
    }

    /**
     * Adds the detection to a stream of events with event-time timestamps and watermarks.
     *
     * @param cachedPartitions detector partitions each task keeps deserialized between checkpoints
     * @param publishEvery     event time between interim writes of the output, or {@code null} for none
     */
    public static void build(DataStream<CloudEvent> events, DetectionSetup setup, String output,
                             int cachedPartitions, Duration publishEvery) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(output, "output");
        detection(setup); // fail on the client, before submitting, when the configuration cannot run here
        SingleOutputStreamOperator<KeyedEvent> keyed = events
                .flatMap(new KeySplitter(setup), RecordTypeInfo.forClass(KeyedEvent.class))
                .name("partition keys").uid(KEYS_UID);
        SingleOutputStreamOperator<Signal> detected = keyed
                .keyBy(KeyedEvent::key, Types.STRING)
                .transform("detectors", RecordTypeInfo.forClass(Signal.class),
                        new DetectOperator(new DetectFunction(setup, cachedPartitions)))
                .name("detectors").uid(DETECT_UID);
        DataStream<Signal> late = detected.getSideOutput(DetectFunction.LATE)
                .map(e -> Signal.late(e.provider() + "/" + e.eventId(), e.origin()),
                        RecordTypeInfo.forClass(Signal.class))
                .name("late events").uid(LATE_UID);
        DataStream<Signal> start = events.getExecutionEnvironment()
                .fromData(List.of(Signal.START), RecordTypeInfo.forClass(Signal.class)).uid(START_UID).name("start");
        detected.union(late, start)
                .keyBy(s -> ConcludeFunction.KEY, Types.INT)
                .process(new ConcludeFunction(setup, output, publishEvery), Types.VOID)
                .setParallelism(1).setMaxParallelism(1)
                .name("conclude and write").uid(CONCLUDE_UID);
    }

    private static KeyedDetection detection(DetectionSetup setup) {
        DetectionConfig config = setup.config();
        return KeyedDetection.create(config);
    }
}
