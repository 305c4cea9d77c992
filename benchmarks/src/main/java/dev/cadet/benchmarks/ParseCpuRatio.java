package dev.cadet.benchmarks;

import dev.cadet.parsers.LogReader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The parse-to-floor ratio of {@link CloudTrailParseBenchmark} measured in this thread's CPU time rather
 * than wall time, for machines shared with other work (where JMH's wall-clock scores swing with the
 * load): rounds alternate the Jackson token-only pass and the full parse over the same decompressed
 * bytes, and the medians are compared.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cadet.benchmarks.ParseCpuRatio [cloudtrail|azure|CORPUS_DIR [FILES [ROUNDS]]]
 * </pre>
 *
 * {@code cloudtrail} (the default) and {@code azure} parse the 10,000 records of {@link CloudTrailParseBenchmark}
 * or {@link AzureParseBenchmark}; a folder, its first FILES log files (.json or .json.gz) in path order, as
 * written by {@code cadet generate}.
 */
public final class ParseCpuRatio {

    private ParseCpuRatio() {
    }

    public static void main(String[] args) throws IOException {
        List<byte[]> files = args.length == 0 || "cloudtrail".equals(args[0])
                ? List.of(CloudTrailParseBenchmark.records(ParseBenchmark.RECORDS, new SplittableRandom(1651))
                .getBytes(StandardCharsets.UTF_8))
                : "azure".equals(args[0])
                ? List.of(AzureParseBenchmark.records(ParseBenchmark.RECORDS, new SplittableRandom(1651))
                .getBytes(StandardCharsets.UTF_8))
                : corpus(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 40);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        long bytes = files.stream().mapToLong(f -> f.length).sum();
        JsonFactory jackson = JsonFactory.builder().build();
        LogReader reader = LogReader.create();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Double> floor = new ArrayList<>();
        List<Double> parse = new ArrayList<>();
        long events = 0;
        long tokens = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            tokens = 0;
            for (byte[] f : files) {
                try (JsonParser p = jackson.createParser(ObjectReadContext.empty(), f)) {
                    while (p.nextToken() != null) {
                        tokens++;
                    }
                }
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            long[] n = {0};
            for (byte[] f : files) {
                reader.read(new ByteArrayInputStream(f), "bench.json", e -> n[0]++);
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            events = n[0];
            floor.add(bytes / ((t1 - t0) / 1e9) / 1e6);
            parse.add(bytes / ((t2 - t1) / 1e9) / 1e6);
        }
        Collections.sort(floor);
        Collections.sort(parse);
        double f = floor.get(rounds / 2);
        double p = parse.get(rounds / 2);
        System.out.printf(Locale.ROOT, "%.0f MB of JSON, %,d tokens, %,d events; CPU-time medians of %d rounds:"
                + " token-only floor %.0f MB/s, parse %.0f MB/s (%.0f records/s), ratio %.2f%n", bytes / 1e6, tokens,
                events, rounds, f, p, p * 1e6 / bytes * events, p / f);
    }

    private static List<byte[]> corpus(Path dir, int count) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().limit(count).toList();
        }
        List<byte[]> files = new ArrayList<>();
        for (Path p : paths) {
            try (InputStream raw = Files.newInputStream(p);
                 InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
                files.add(in.readAllBytes());
            }
        }
        return files;
    }
}
