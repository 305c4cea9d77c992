package dev.cadet.benchmarks;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.DetectorPartition;
import dev.cadet.detectors.KeyedDetection;
import dev.cadet.detectors.Pipeline;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The detectors split by key ({@link KeyedDetection}) against one {@link Pipeline}, on the same events in
 * the same run: what keeping each key's state apart costs before any stream processor is involved. The
 * keyed host does what a Flink keyed operator on the heap state backend does, in one thread: a map of
 * partitions, event-time timers in a priority queue (one per key and time, as Flink keeps them), a
 * watermark advanced once a minute of event time, and the findings concluded at the end. Both include
 * correlation and decisions. One operation = one event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn1g", "-XX:+AlwaysPreTouch"})
public class KeyedDetectionBenchmark {

    private static final int EVENTS = 1 << 20;
    private static final long MINUTE = 60_000L;
    private static final DetectionConfig CONFIG = DetectionConfig.builder().learningPeriod(Duration.ZERO).build();

    @Param({"1000", "100000"})
    int principals;

    private CloudEvent[] events;

    @Setup(Level.Trial)
    public void makeEvents() {
        events = DetectorSuiteBenchmark.events(EVENTS, principals, new SplittableRandom(1651));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int pipeline() {
        Pipeline p = Pipeline.create(CONFIG);
        for (CloudEvent e : events) {
            p.push(e);
        }
        return p.finish().incidents().size();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int keyed() {
        return run(KeyedDetection.create(CONFIG), events).incidents().size();
    }

    /** A timer: wake the key's partition once the watermark reaches {@code time}. */
    private record Timer(long time, String key) {
    }

    static KeyedDetection.Conclusion run(KeyedDetection keyed, CloudEvent[] events) {
        return run(keyed, events, null);
    }

    /** Runs the keyed host; {@code halfway}, when given, sees the live partitions in the middle of the events. */
    static KeyedDetection.Conclusion run(KeyedDetection keyed, CloudEvent[] events,
                                         java.util.function.Consumer<Map<String, DetectorPartition>> halfway) {
        Map<String, DetectorPartition> partitions = new HashMap<>();
        Map<String, Long> registered = new HashMap<>();
        PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> Long.compare(a.time(), b.time()));
        List<Finding> findings = new ArrayList<>();
        long lateness = keyed.allowedLatenessMillis();
        long maxTime = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < events.length; i++) {
            CloudEvent e = events[i];
            if (halfway != null && i == events.length / 2) {
                halfway.accept(partitions);
            }
            for (String key : keyed.keysOf(e)) {
                DetectorPartition p = partitions.computeIfAbsent(key, keyed::newPartition);
                p.push(e, watermark);
                schedule(key, p, registered, timers);
            }
            maxTime = Math.max(maxTime, e.time());
            long next = Math.floorDiv(maxTime - lateness, MINUTE) * MINUTE;
            if (next > watermark) {
                watermark = next;
                while (!timers.isEmpty() && timers.peek().time() <= watermark) {
                    Timer t = timers.poll();
                    if (registered.get(t.key()) != t.time()) {
                        continue;
                    }
                    registered.remove(t.key());
                    DetectorPartition p = partitions.get(t.key());
                    p.advance(watermark, findings::add);
                    if (p.isEmpty()) {
                        partitions.remove(t.key());
                    } else {
                        schedule(t.key(), p, registered, timers);
                    }
                }
            }
        }
        for (DetectorPartition p : partitions.values()) {
            p.advance(Long.MAX_VALUE, findings::add);
        }
        return keyed.conclude(findings);
    }

    private static void schedule(String key, DetectorPartition p, Map<String, Long> registered, PriorityQueue<Timer> timers) {
        long wake = p.nextWakeUp();
        Long current = registered.get(key);
        if (wake != Long.MAX_VALUE && (current == null || wake < current)) {
            registered.put(key, wake);
            timers.add(new Timer(wake, key));
        }
    }

    /** Checks that both hosts agree on these events, and prints partition snapshot sizes. */
    public static void main(String[] args) {
        int principals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        CloudEvent[] events = DetectorSuiteBenchmark.events(EVENTS, principals, new SplittableRandom(1651));
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 2; warm++) {
            run(KeyedDetection.create(CONFIG), events);
        }
        long t0 = threads.getCurrentThreadCpuTime();
        Pipeline p = Pipeline.create(CONFIG);
        for (CloudEvent e : events) {
            p.push(e);
        }
        var single = p.finish();
        long t1 = threads.getCurrentThreadCpuTime();
        KeyedDetection keyed = KeyedDetection.create(CONFIG);
        var split = run(keyed, events, partitions -> {
            long bytes = 0;
            for (DetectorPartition partition : partitions.values()) {
                bytes += keyed.snapshot(partition).length;
            }
            System.out.printf("halfway: %d live partitions, snapshots %d bytes in all, %d bytes each on average%n",
                    partitions.size(), bytes, bytes / Math.max(1, partitions.size()));
        });
        long t2 = threads.getCurrentThreadCpuTime();
        System.out.printf("thread CPU after two keyed warm-up passes: pipeline %.2f s, keyed %.2f s, keyed / pipeline %.2f%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (double) (t2 - t1) / (t1 - t0));
        System.out.printf("pipeline: %d findings, %d incidents; keyed: %d findings, %d incidents; equal: %s%n",
                single.findings().size(), single.incidents().size(), split.findings().size(), split.incidents().size(),
                single.findings().equals(split.findings()) && single.incidents().equals(split.incidents()));
    }
}
// Run:
//   java -jar benchmarks/target/benchmarks.jar KeyedDetectionBenchmark -prof gc
//   java -cp benchmarks/target/benchmarks.jar dev.cadet.benchmarks.KeyedDetectionBenchmark 100000
