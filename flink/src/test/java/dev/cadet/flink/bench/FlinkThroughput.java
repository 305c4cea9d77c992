package dev.cadet.flink.bench;

import dev.cadet.cli.ScanJob;
import dev.cadet.cli.internal.generate.CorpusGenerator;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.flink.CadetJob;
import dev.cadet.flink.DetectionSetup;
import dev.cadet.flink.internal.JsonOutput;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Events per second of the Flink job on a local MiniCluster, one task slot per parallel task, beside the
 * single-process scan ({@code ScanJob}, one parser thread) over the same generated corpus with the same
 * configuration; checks that both wrote the same findings and incidents.
 *
 * <pre>
 * mvn -B -o -q -DskipTests -pl flink -am package dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx6g -cp "flink/target/test-classes:flink/target/classes:$(cat /tmp/cp.txt)" \
 *     dev.cadet.flink.bench.FlinkThroughput /tmp/cadet-flink-bench/corpus-1GB 1GB 1,1,2
 * </pre>
 *
 * Arguments: the corpus folder (generated there with {@code cadet generate}'s generator when missing),
 * its size, the parallelisms to run.
 */
public final class FlinkThroughput {

    /** The corpus' approvals, no learned baseline (a job cannot learn one from its own first day). */
    record CorpusSetup() implements DetectionSetup {
        @Override
        public DetectionConfig config() {
            return DetectionConfig.builder()
                    .approvedPrincipals(CorpusGenerator.APPROVED_PRINCIPALS)
                    .approvedSources(CorpusGenerator.APPROVED_SOURCES)
                    .learningPeriod(Duration.ZERO)
                    .build();
        }
    }

    private FlinkThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/tmp/cadet-flink-bench/corpus-200MB");
        String size = args.length > 1 ? args[1] : "200MB";
        String[] parallelisms = (args.length > 2 ? args[2] : "1,2").split(",");
        if (!Files.exists(corpus)) {
            long bytes = Long.parseLong(size.replaceAll("[^0-9]", "")) * (size.endsWith("GB") ? 1_000_000_000L : 1_000_000L);
            CorpusGenerator.Summary s = new CorpusGenerator(bytes, CorpusGenerator.DEFAULT_SEED, true, 2).writeTo(corpus);
            System.out.printf(Locale.ROOT, "generated %s: %d files, %,d records%n", corpus, s.files(), s.records());
        }
        CorpusSetup setup = new CorpusSetup();
        Path out = Files.createTempDirectory("cadet-flink-bench");

        long t0 = System.nanoTime();
        ScanResult scan = new ScanJob(LogReader.create(), setup.config(), 1, new ByteArrayInputStream(new byte[0]))
                .run(List.of(corpus));
        double scanSeconds = (System.nanoTime() - t0) / 1e9;
        long events = scan.input().events();
        JsonOutput.write(out.resolve("scan").toString(), scan.findings(), scan.incidents(), Map.of());
        System.out.printf(Locale.ROOT, "scan, 1 parser thread: %,d events in %.2f s = %,.0f events/s; %d findings,"
                + " %d incidents, %d late%n", events, scanSeconds, events / scanSeconds, scan.findings().size(),
                scan.incidents().size(), scan.pipeline().late());

        for (String p : parallelisms) {
            int parallelism = Integer.parseInt(p.trim());
            Configuration conf = new Configuration();
            conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
            conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
            Path dir = out.resolve("flink-" + parallelism);
            CadetJob.build(env, CadetJob.source(List.of(corpus.toString()), null), setup, dir.toString());
            long t1 = System.nanoTime();
            env.execute("throughput " + parallelism);
            double seconds = (System.nanoTime() - t1) / 1e9;
            boolean same = Files.readString(dir.resolve("findings.jsonl"))
                    .equals(Files.readString(out.resolve("scan").resolve("findings.jsonl")))
                    && Files.readString(dir.resolve("incidents.jsonl"))
                    .equals(Files.readString(out.resolve("scan").resolve("incidents.jsonl")));
            System.out.printf(Locale.ROOT, "flink, parallelism %d: %.2f s = %,.0f events/s, %,.0f events/s per slot;"
                            + " same findings and incidents as the scan: %s; summary %s%n", parallelism, seconds,
                    events / seconds, events / seconds / parallelism, same,
                    Files.readString(dir.resolve("summary.json")).strip());
        }
    }
}
