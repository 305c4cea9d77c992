package dev.cadet.benchmarks;

import dev.cadet.parsers.LogReader;
import org.openjdk.jmh.annotations.AuxCounters;
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
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One provider's log file (plain JSON or gzip) to normalized events, against the floor of a Jackson token-only
 * pass over the same bytes (for gzip: inflate plus tokens). The score is records per second (one operation =
 * one record); the {@code jsonBytes} counter is bytes of JSON per second, so MB/s is that divided by 10^6. The
 * heap is fixed, young generation included, because G1 resizing it makes default-flag runs noisy. Each
 * provider is a subclass that supplies the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn256m", "-XX:+AlwaysPreTouch"})
public abstract class ParseBenchmark {

    /** Records per file; the score divides by it. */
    static final int RECORDS = 10_000;

    @Param({"plain", "gzip"})
    String encoding;

    private byte[] json;
    private byte[] input;
    private LogReader reader;
    private JsonFactory jackson;

    /** Bytes of JSON read, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long jsonBytes;

        @Setup(Level.Iteration)
        public void clear() {
            jsonBytes = 0;
        }
    }

    /** The file of {@link #RECORDS} records, the same on every run. */
    abstract byte[] file();

    @Setup
    public void setUp() {
        json = file();
        input = "gzip".equals(encoding) ? gzip(json) : json;
        reader = LogReader.create();
        jackson = JsonFactory.builder().build();
    }

    /** The floor: every token of the file read, nothing extracted. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long baseline(Throughput counted) throws IOException {
        long tokens = 0;
        try (InputStream in = open(); JsonParser p = jackson.createParser(ObjectReadContext.empty(), in)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        counted.jsonBytes += json.length;
        return tokens;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void parse(Blackhole sink, Throughput counted) {
        sink.consume(reader.read(new ByteArrayInputStream(input), "bench.json", sink::consume));
        counted.jsonBytes += json.length;
    }

    private InputStream open() throws IOException {
        InputStream raw = new ByteArrayInputStream(input);
        return "gzip".equals(encoding) ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 6);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
// How to run: see CloudTrailParseBenchmark and AzureParseBenchmark.
