package dev.cadet.benchmarks;

import dev.cadet.detectors.Baseline;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.Detector;
import dev.cadet.detectors.Detectors;
import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Command;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Mfa;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.Source;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The built-in detector suite, or one detector of it, on pre-parsed events in time order, with the
 * watermark advanced as the pipeline would. One operation = one event; the score is events per second
 * on one thread, and {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per event.
 * {@code baseline} walks the same events without detectors. Key cardinality (distinct principals and
 * source addresses) is swept from 1k to 1M. The heap is fixed, young generation included, and collected
 * by the parallel collector, as {@code cadet scan} runs: under G1 a learned history's table of 100,000
 * principals is a humongous array, which young collections do not reclaim once dead, so the tables of
 * earlier invocations kept their profiles alive and each young pause copied hundreds of megabytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms4g", "-Xmx4g", "-Xmn1g", "-XX:+AlwaysPreTouch"})
public class DetectorSuiteBenchmark {

    private static final int EVENTS = 1 << 20;
    private static final long LATENESS = 3_600_000L;

    @Param({"1000", "100000", "1000000"})
    int principals;

    /** {@code suite} for every built-in detector, else the id of the one to run. */
    @Param({"suite", "command-execution", "failed-then-success", "iam-then-command"})
    String detector;

    /**
     * {@code none}: no baseline, the novelty detectors idle; {@code learning}: the default, the first 24 h
     * (here: the whole run) teach the baseline, which costs a map update per event; {@code stored}: judged
     * against a baseline learned beforehand from these same events, as with {@code --baseline FILE} and as a
     * scan runs once its first 24 h are learned.
     */
    @Param({"learning", "stored", "none"})
    String baseline;

    private CloudEvent[] events;
    private Baseline stored;
    /** An array: iterating a list per event would allocate an iterator and be measured as the detectors' cost. */
    private Detector[] detectors;

    @Setup(Level.Trial)
    public void makeEvents() {
        events = events(EVENTS, principals, new SplittableRandom(1651));
        stored = "stored".equals(baseline) ? learned(events) : null;
        // The events were made in the young generation: without this, the first collection of a measured
        // iteration copies all of them (hundreds of milliseconds) and is counted as the detectors' time.
        System.gc();
    }

    @Setup(Level.Invocation)
    public void freshDetectors() {
        detectors = detectors(baseline, detector, stored);
    }

    /** The baseline of all the events, as {@code cadet baseline learn} would store it. */
    static Baseline learned(CloudEvent[] events) {
        Baseline.Learner learner = Baseline.learner();
        for (CloudEvent e : events) {
            learner.add(e);
        }
        return learner.build();
    }

    /**
     * Fresh built-in detectors as a scan makes them, all or the one named: without a baseline, learning one,
     * or judging against {@code stored}.
     */
    static Detector[] detectors(String baseline, String detector, Baseline stored) {
        DetectionConfig config = switch (baseline) {
            case "none" -> DetectionConfig.builder().learningPeriod(java.time.Duration.ZERO).build();
            case "learning" -> DetectionConfig.defaults();
            case "stored" -> DetectionConfig.builder().baseline(stored, "learned from the same events").build();
            default -> throw new IllegalArgumentException("baseline must be learning, stored or none, was '" + baseline + "'");
        };
        Detector[] chosen = Detectors.builtIn(config).stream()
                .filter(d -> "suite".equals(detector) || d.id().equals(detector))
                .toArray(Detector[]::new);
        if (chosen.length == 0) {
            throw new IllegalArgumentException("detector must be 'suite' or a built-in id, was '" + detector + "'");
        }
        return chosen;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long baseline() {
        long sum = 0;
        for (CloudEvent e : events) {
            sum += e.time() + e.kind().ordinal();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void detect(Blackhole sink) {
        run(detectors, events, sink::consume);
    }

    /**
     * The events through the detectors as the pipeline hands them over: each event to each detector that handles
     * its kind, the watermark once a minute.
     */
    static void run(Detector[] detectors, CloudEvent[] events, Consumer<Finding> out) {
        Detector[][] byKind = new Detector[EventKind.values().length][];
        for (EventKind kind : EventKind.values()) {
            byKind[kind.ordinal()] = Arrays.stream(detectors).filter(d -> d.handles(kind)).toArray(Detector[]::new);
        }
        long nextWatermark = events[0].time();
        for (CloudEvent e : events) {
            for (Detector d : byKind[e.kind().ordinal()]) {
                d.onEvent(e, out);
            }
            if (e.time() - LATENESS >= nextWatermark) {
                // the pipeline advances the watermark once a minute of event time at most
                nextWatermark = e.time() - LATENESS + 60_000L;
                for (Detector d : detectors) {
                    d.onWatermark(e.time() - LATENESS, out);
                }
            }
        }
        for (Detector d : detectors) {
            d.onEnd(out);
        }
    }

    /**
     * The suite at {@code args[0]} principals (default 100,000), learning, judging and without a baseline, timed in
     * thread CPU time, which other load on the machine disturbs less than wall time: the median of
     * {@code args[1]} rounds (default 15) after as many warm-up rounds. Bytes per event are those the passes
     * allocate; {@code -prof gc} also counts making each invocation's detectors, which for {@code stored} means
     * loading the baseline's 100,000 profiles again.
     */
    public static void main(String[] args) {
        int principals = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        CloudEvent[] events = events(EVENTS, principals, new SplittableRandom(1651));
        System.gc();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long[] findings = new long[1];
        Consumer<Finding> out = f -> findings[0]++;
        Baseline stored = learned(events);
        for (String baseline : List.of("learning", "stored", "none")) {
            for (int i = 0; i < rounds; i++) {
                run(detectors(baseline, "suite", stored), events, out);
            }
            long[] cpu = new long[rounds];
            long allocated = 0;
            findings[0] = 0;
            for (int i = 0; i < rounds; i++) {
                Detector[] detectors = detectors(baseline, "suite", stored);
                long a0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = threads.getCurrentThreadCpuTime();
                run(detectors, events, out);
                cpu[i] = threads.getCurrentThreadCpuTime() - t0;
                allocated += threads.getCurrentThreadAllocatedBytes() - a0;
            }
            java.util.Arrays.sort(cpu);
            System.out.printf("suite, %d principals, baseline=%s: %.2f M events per CPU second (median of %d; %.2f to %.2f),"
                            + " %.1f B per event, %d findings per pass, load %s%n", principals, baseline,
                    EVENTS / (cpu[rounds / 2] / 1e9) / 1e6, rounds, EVENTS / (cpu[rounds - 1] / 1e9) / 1e6,
                    EVENTS / (cpu[0] / 1e9) / 1e6, allocated / (double) rounds / EVENTS, findings[0] / rounds,
                    loadAverage());
        }
    }

    private static String loadAverage() {
        return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Time-ordered events over about a day: mostly reads, ~1% commands, logins with failures, IAM changes. */
    static CloudEvent[] events(int n, int principals, SplittableRandom rng) {
        String[] ids = new String[principals];
        String[] ips = new String[principals];
        for (int i = 0; i < principals; i++) {
            ids[i] = "arn:aws:iam::111122223333:user/u" + i;
            ips[i] = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
        }
        CloudEvent[] out = new CloudEvent[n];
        long t = 1_772_409_600_000L;
        Origin origin = new Origin("bench.json", 1, 0, 0);
        for (int i = 0; i < n; i++) {
            t += rng.nextInt(160);
            int p = rng.nextInt(principals);
            int roll = rng.nextInt(1000);
            EventKind kind;
            String action;
            Outcome outcome = Outcome.SUCCESS;
            Command command = null;
            List<String> targets = List.of();
            if (roll < 10) {
                kind = EventKind.COMMAND_EXECUTION;
                action = "ssm:SendCommand";
                targets = List.of("i-" + Integer.toHexString(rng.nextInt(5000)));
                command = new Command("AWS-RunShellScript", List.of(), "c" + i, null);
            } else if (roll < 30) {
                kind = EventKind.AUTHENTICATION;
                action = "signin:ConsoleLogin";
                outcome = rng.nextInt(20) == 0 ? Outcome.FAILURE : Outcome.SUCCESS;
            } else if (roll < 33) {
                kind = EventKind.CREDENTIAL_CHANGE;
                action = "iam:CreateAccessKey";
            } else {
                kind = EventKind.OTHER;
                action = "ec2:DescribeInstances";
            }
            Actor actor = new Actor(ids[p], PrincipalType.USER, "u" + p, "111122223333", null, Mfa.UNKNOWN, null, null);
            out[i] = new CloudEvent(Provider.AWS, "e" + i, t, kind, action, outcome, null, null, actor,
                    new Source(ips[p], null, null, null, null), targets, null, command,
                    new CloudScope("111122223333", "us-east-1"), null, origin);
        }
        return out;
    }
}
// How to run:
//   mvn -B -q -DskipTests -pl benchmarks -am package
//   java -jar benchmarks/target/benchmarks.jar DetectorSuiteBenchmark -prof gc
//   java -jar benchmarks/target/benchmarks.jar DetectorSuiteBenchmark.detect -p detector=suite -p principals=100000 -prof gc
//   java -XX:+UseParallelGC -Xms4g -Xmx4g -Xmn1g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
//        dev.cadet.benchmarks.DetectorSuiteBenchmark 100000 15
// detect / baseline in events/s; gc.alloc.rate.norm is bytes per event. baseline ignores the detector
// parameter (run it with -p detector=suite to avoid repeats).
