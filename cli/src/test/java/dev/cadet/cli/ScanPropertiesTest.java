package dev.cadet.cli;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import dev.cadet.reports.Reports;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole scans over generated CloudTrail, split at random into files of every shape: whatever the file
 * order and thread count, the five reports are byte-identical; scanning every file twice (the same
 * export copied, overlapping downloads) gives the same findings and incidents, each copy counted as a
 * duplicate; and the accounting adds up. Tries are few: each one writes files and runs a full scan.
 */
class ScanPropertiesTest {

    private static final DetectionConfig CONFIG = DetectionConfig.builder()
            .approvedPrincipals(List.of("arn:aws:sts::111122223333:assumed-role/Patching/*")).build();
    private static final String[] PRINCIPALS = {"user/alice", "user/bob", "assumed-role/Patching/i-0abc"};
    private static final String[] IPS = {"198.51.100.7", "203.0.113.66", "10.1.2.3"};

    /** One record: who, what, when (minutes into three hours), from where, and which file it lands in. */
    record Spec(int principal, int action, int minute, int ip, int file) {
    }

    @Property(tries = 12)
    void fileOrderAndThreadsNeverChangeTheReports(@ForAll("records") List<Spec> specs,
                                                  @ForAll @IntRange(min = 1, max = 4) int files,
                                                  @ForAll long shuffleSeed) throws IOException {
        Path dir = Files.createTempDirectory("cadet-scan-property");
        try {
            List<Path> inputs = writeFiles(dir.resolve("a"), specs, files);
            Path first = scan(inputs, 1, dir.resolve("out-1"));
            List<Path> shuffled = new ArrayList<>(inputs);
            Collections.shuffle(shuffled, new Random(shuffleSeed));
            Path second = scan(shuffled, 3, dir.resolve("out-2"));
            for (String name : Reports.FILE_NAMES) {
                assertThat(Files.readAllBytes(second.resolve(name))).as(name)
                        .isEqualTo(Files.readAllBytes(first.resolve(name)));
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 12)
    void scanningEveryFileTwiceGivesTheSameIncidents(@ForAll("records") List<Spec> specs,
                                                     @ForAll @IntRange(min = 1, max = 4) int files) throws IOException {
        Path dir = Files.createTempDirectory("cadet-scan-property");
        try {
            List<Path> inputs = writeFiles(dir.resolve("a"), specs, files);
            List<Path> copies = writeFiles(dir.resolve("b"), specs, files);
            ScanResult once = job(2).run(inputs);
            List<Path> both = new ArrayList<>(copies);
            both.addAll(inputs);
            ScanResult twice = job(2).run(both);

            Statistics.label("incidents").collect(once.incidents().size());
            assertThat(twice.findings()).isEqualTo(once.findings());
            assertThat(twice.incidents()).isEqualTo(once.incidents());
            assertThat(twice.pipeline().duplicates()).isEqualTo(once.input().events());
            assertThat(twice.input().records()).isEqualTo(2 * once.input().records());
            assertThat(once.input().records()).isEqualTo(specs.size());
            assertThat(once.input().events() + once.input().skipped() + once.input().quarantined())
                    .isEqualTo(once.input().records());
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<List<Spec>> records() {
        return Combinators.combine(Arbitraries.integers().between(0, PRINCIPALS.length - 1),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 180),
                Arbitraries.integers().between(0, IPS.length - 1), Arbitraries.integers().between(0, 3))
                .as(Spec::new).list().ofMinSize(1).ofMaxSize(120);
    }

    private static ScanJob job(int threads) {
        return new ScanJob(LogReader.create(), CONFIG, threads, new ByteArrayInputStream(new byte[0]));
    }

    private static Path scan(List<Path> inputs, int threads, Path out) {
        Reports.writeAll(job(threads).run(inputs), out);
        return out;
    }

    /**
     * Spreads the records over {@code count} files in folder {@code dir}, each in its own shape: an S3
     * Records file, JSON Lines, a gzip Records file, a top-level array. Records keep their order of
     * generation within a file, which is not time order.
     */
    static List<Path> writeFiles(Path dir, List<Spec> specs, int count) throws IOException {
        Files.createDirectories(dir);
        List<List<String>> perFile = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            perFile.add(new ArrayList<>());
        }
        for (int i = 0; i < specs.size(); i++) {
            perFile.get(specs.get(i).file() % count).add(json(specs.get(i), i));
        }
        List<Path> paths = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            List<String> records = perFile.get(f);
            String body = switch (f % 4) {
                case 0, 2 -> "{\"Records\":[" + String.join(",", records) + "]}";
                case 1 -> String.join("\n", records) + "\n";
                default -> "[" + String.join(",\n", records) + "]";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Path p = dir.resolve("f" + f + (f % 4 == 2 ? ".json.gz" : ".json"));
            Files.write(p, f % 4 == 2 ? gzip(bytes) : bytes);
            paths.add(p);
        }
        return paths;
    }

    private static String json(Spec s, int n) {
        String arn = "arn:aws:" + (PRINCIPALS[s.principal()].startsWith("user") ? "iam" : "sts") + "::111122223333:"
                + PRINCIPALS[s.principal()];
        String type = PRINCIPALS[s.principal()].startsWith("user") ? "IAMUser" : "AssumedRole";
        String[][] actions = {
                {"signin", "ConsoleLogin", ",\"responseElements\":{\"ConsoleLogin\":\"Failure\"},\"errorMessage\":\"Failed authentication\""},
                {"signin", "ConsoleLogin", ",\"responseElements\":{\"ConsoleLogin\":\"Success\"}"},
                {"ssm", "SendCommand", ",\"requestParameters\":{\"instanceIds\":[\"i-0" + (s.minute() % 5) + "\"],"
                        + "\"documentName\":\"AWS-RunShellScript\"}"},
                {"ssm", "SendCommand", ",\"errorCode\":\"AccessDenied\",\"requestParameters\":{\"instanceIds\":[\"i-01\"]}"},
                {"iam", "CreateAccessKey", ",\"responseElements\":{\"accessKey\":{\"accessKeyId\":\"AKIA" + s.ip() + "\"}}"},
                {"ssm", "StartSession", ",\"requestParameters\":{\"target\":\"i-0" + (s.minute() % 3) + "\"}"},
                {"ec2", "DescribeInstances", ""}};
        String[] a = actions[s.action()];
        return String.format("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"%s\",\"arn\":\"%s\","
                        + "\"accountId\":\"111122223333\"},\"eventTime\":\"2024-05-01T%02d:%02d:%02dZ\","
                        + "\"eventSource\":\"%s.amazonaws.com\",\"eventName\":\"%s\",\"awsRegion\":\"us-east-1\","
                        + "\"sourceIPAddress\":\"%s\",\"eventID\":\"ev-%05d\",\"recipientAccountId\":\"111122223333\"%s}",
                type, arn, 9 + s.minute() / 60, s.minute() % 60, n % 60, a[0], a[1], IPS[s.ip()], n, a[2]);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
