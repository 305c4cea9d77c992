package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.FileReport;
import dev.cadet.model.Reject;
import dev.cadet.parsers.internal.Decoder;
import dev.cadet.parsers.internal.Sniffer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.cadet.parsers.Hostile.concat;
import static dev.cadet.parsers.Reads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way bytes enter the parsers, and the invariant each must keep whatever the bytes: a report that
 * adds up, one event per counted event and one reject per quarantined record (each inside the file, its
 * excerpt capped), and no exception other than {@link InputException} under {@code --strict}. Shared by
 * the jqwik properties and the Jazzer fuzz tests, so both hold every entry point to the same rules.
 */
final class EntryPoints {

    static final int EXCERPT = 64;
    private static final LogReader READER = LogReader.builder().maxExcerptChars(EXCERPT)
            .maxDecompressedBytes(64L << 20).build();
    private static final LogReader STRICT = LogReader.builder().maxExcerptChars(EXCERPT)
            .badRecords(BadRecordPolicy.FAIL).maxDecompressedBytes(64L << 20).build();

    /**
     * The shapes a parser is reached through: the bytes as a whole file, and the bytes placed where each
     * CloudTrail format puts its records, so that the fuzzer spends its time inside a parser rather than
     * being turned away by the sniffer.
     */
    enum Shape {
        FILE(b -> b),
        RECORDS(b -> concat(utf8("{\"Records\":["), b, utf8("]}"))),
        ARRAY(b -> concat(utf8("[{\"eventSource\":\"s\",\"eventName\":\"n\",\"eventTime\":\"2024-01-01T00:00:00Z\"},"), b,
                utf8("]"))),
        JSON_LINES(b -> concat(utf8("{\"eventSource\":\"s\",\"eventName\":\"n\",\"eventTime\":\"2024-01-01T00:00:00Z\"}\n"),
                b)),
        LOOKUP_EVENTS(b -> concat(utf8("{\"Events\":[{\"EventId\":\"e\",\"EventName\":\"n\",\"CloudTrailEvent\":\""),
                jsonStringBody(b), utf8("\"},"), b, utf8("]}"))),
        EVENTBRIDGE(b -> concat(utf8("{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":"), b, utf8("}\n"),
                b)),
        DIGEST(b -> concat(utf8("{\"digestStartTime\":\"x\",\"logFiles\":"), b, utf8("}\n"))),
        GZIP(Reads::gzip);

        private final UnaryOperator<byte[]> wrap;

        Shape(UnaryOperator<byte[]> wrap) {
            this.wrap = wrap;
        }

        byte[] wrap(byte[] body) {
            return wrap.apply(body);
        }
    }

    private EntryPoints() {
    }

    /** Reads {@code body} placed in {@code shape}, quarantining and strict, and checks the invariants. */
    static FileReport check(Shape shape, byte[] body) {
        byte[] input = shape.wrap(body);
        FileReport report = checkQuarantine("fuzz-" + shape, input);
        checkStrict("fuzz-" + shape, input, report);
        return report;
    }

    static FileReport checkQuarantine(String name, byte[] input) {
        List<CloudEvent> events = new ArrayList<>();
        FileResult result = READER.read(new ByteArrayInputStream(input), name, events::add);
        FileReport r = result.report();
        assertThat(r.records()).isEqualTo(r.events() + r.skipped() + r.quarantined());
        assertThat(events).hasSize((int) r.events());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.origin().file()).isEqualTo(name);
            assertThat(e.origin().record()).isBetween(1L, r.records());
        });
        assertThat(result.rejects()).hasSize((int) r.quarantined());
        for (Reject reject : result.rejects()) {
            assertThat(reject.origin().file()).isEqualTo(name);
            assertThat(reject.origin().record()).isBetween(1L, r.records());
            assertThat(reject.reason()).isNotBlank();
            if (reject.excerpt() != null) {
                assertThat(reject.excerpt().length()).isLessThanOrEqualTo(EXCERPT);
            }
        }
        return r;
    }

    /** Strict reading either agrees with a clean quarantining read or stops with a located InputException. */
    private static void checkStrict(String name, byte[] input, FileReport lenient) {
        boolean clean = lenient.quarantined() == 0 && lenient.error() == null;
        try {
            FileReport strict = STRICT.read(new ByteArrayInputStream(input), name, e -> { }).report();
            assertThat(clean).as("strict read passed where quarantining found %s", lenient).isTrue();
            assertThat(strict).isEqualTo(lenient);
        } catch (InputException e) {
            assertThat(clean).as("strict read failed on a clean input: %s", e.getMessage()).isFalse();
            assertThat(e.getMessage()).isNotBlank();
            if (e.origin() != null) {
                assertThat(e.origin().file()).isEqualTo(name);
            }
        }
    }

    /** The sniffer alone, on the decoded prefix, as the reader calls it. */
    static void sniff(byte[] input) {
        try (InputStream in = new ByteArrayInputStream(input)) {
            Decoder.Decoded d = Decoder.open(in);
            Sniffer.peek(d.prefix(), d.offset(), d.length());
        } catch (IOException e) {
            // a broken gzip header: the reader turns it into a file error, tested there
        }
    }

    /** Bytes escaped into the body of a JSON string, as lookup-events embeds a record. */
    private static byte[] jsonStringBody(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '"' || c == '\\') {
                s.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.append((char) c);
            }
        }
        return utf8(s.toString());
    }
}
