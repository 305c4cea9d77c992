package dev.cadet.flink;

import dev.cadet.cli.ScanFiles;
import dev.cadet.detectors.DetectionConfig;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.Serial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The job's command line, and the detection configuration it asks for.
 *
 * <pre>
 * --input PATH            folder or file to read, local or a Flink file system URI (s3://...); repeatable
 * --output PATH           folder for findings.jsonl, incidents.jsonl and summary.json
 * --monitor DURATION      look for new files this often and never end (default: read once and end)
 * --lateness DURATION     how far out of time order events may arrive (default: cadet's, 1h)
 * --incident-gap DURATION findings further apart than this are separate incidents (default: cadet's)
 * --approved-principal P  approved automation (canonical principal, * wildcard); repeatable
 * --approved-source S     approved IP, CIDR or service host; repeatable
 * --checkpoint-interval D take a checkpoint this often (default 1m; 0 for none)
 * --publish-every D       rewrite the output with interim results each time the watermark passes this much
 *                         event time (default: 1h with --monitor, else only at the end)
 * --config FILE           a cadet.yaml, as cadet scan takes it (without geoip or a pattern file)
 * --baseline FILE         a baseline written by cadet baseline learn; both are local files where the job
 *                         is submitted, read there and shipped with the job
 * </pre>
 *
 * Durations are {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT1H}). The novelty
 * detectors judge against the {@code --baseline} file, read once where the job is submitted and shipped
 * with it; without one they do not run (learning period 0): a continuous job has no "first day of the
 * scan" to learn from. Options override what {@code --config} sets.
 *
 * @param inputs             folders or files
 * @param output             output folder
 * @param monitorInterval    how often to look for new files, or {@code null} to read once
 * @param lateness           allowed lateness, or {@code null} for the default
 * @param incidentGap        incident gap, or {@code null} for the default
 * @param approvedPrincipals approved automation
 * @param approvedSources    approved sources
 * @param checkpointInterval checkpoint interval; zero for none
 * @param publishEvery       event time between interim writes of the output, or {@code null} for none
 * @param files              what {@code --config} and {@code --baseline} say, read where the job is submitted
 */
public record JobOptions(List<String> inputs, String output, Duration monitorInterval, Duration lateness,
                         Duration incidentGap, List<String> approvedPrincipals, List<String> approvedSources,
                         Duration checkpointInterval, Duration publishEvery, ScanFiles files)
        implements DetectionSetup {

    @Serial
    private static final long serialVersionUID = 1L;

    public JobOptions {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("--input is required: a folder or file to read");
        }
        Objects.requireNonNull(output, "--output is required: the folder to write the findings to");
        approvedPrincipals = List.copyOf(approvedPrincipals);
        approvedSources = List.copyOf(approvedSources);
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(files, "files");
    }

    /** Parses {@code --name value} pairs; says what is wrong with a bad one. */
    public static JobOptions parse(String... args) {
        List<String> inputs = new ArrayList<>();
        List<String> principals = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        String output = null;
        Duration monitor = null;
        Duration lateness = null;
        Duration gap = null;
        Duration checkpoints = Duration.ofMinutes(1);
        Duration publish = null;
        String config = null;
        String baseline = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--input" -> inputs.add(value);
                case "--output" -> output = value;
                case "--monitor" -> monitor = duration(name, value);
                case "--lateness" -> lateness = duration(name, value);
                case "--incident-gap" -> gap = duration(name, value);
                case "--approved-principal" -> principals.add(value);
                case "--approved-source" -> sources.add(value);
                case "--checkpoint-interval" -> checkpoints = duration(name, value);
                case "--publish-every" -> publish = duration(name, value);
                case "--config" -> config = value;
                case "--baseline" -> baseline = value;
                default -> throw new IllegalArgumentException("unknown option " + name + "; known: --input, "
                        + "--output, --monitor, --lateness, --incident-gap, --approved-principal, "
                        + "--approved-source, --checkpoint-interval, --publish-every, --config, --baseline");
            }
        }
        if (publish == null && monitor != null) {
            publish = Duration.ofHours(1); // a job that never ends shows its results as they form
        }
        ScanFiles files = ScanFiles.read(config == null ? null : Path.of(config), baseline == null ? null : Path.of(baseline));
        return new JobOptions(inputs, output, monitor, lateness, gap, principals, sources, checkpoints, publish, files);
    }

    static Duration duration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " must be a duration such as 30s, 5m, 1h, 2d or PT1H, was '"
                    + text + "'");
        }
    }

    @Override
    public DetectionConfig config() {
        DetectionConfig.Builder b = files.apply(DetectionConfig.builder());
        DetectionConfig fromFiles = b.build();
        b.learningPeriod(Duration.ZERO)
                .approvedPrincipals(concat(fromFiles.approvedPrincipals(), approvedPrincipals))
                .approvedSources(concat(fromFiles.approvedSources(), approvedSources));
        if (lateness != null) {
            b.allowedLateness(lateness);
        }
        if (incidentGap != null) {
            b.incidentGap(incidentGap);
        }
        return b.build();
    }

    /** Checkpointing as asked: exactly once, at the interval given. */
    void configure(StreamExecutionEnvironment env) {
        if (!checkpointInterval.isZero()) {
            env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
