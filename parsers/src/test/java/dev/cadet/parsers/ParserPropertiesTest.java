package dev.cadet.parsers;

import dev.cadet.model.FileReport;
import dev.cadet.parsers.internal.EventTimes;
import dev.cadet.parsers.internal.IpLiterals;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static dev.cadet.parsers.Reads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Properties of every parser entry point over generated input: records = events + skipped + quarantined,
 * strict and quarantining reads agree, and no input ends in an uncaught exception or a hang. The
 * generators are biased to the edges (JSON structure, CloudTrail field names, extreme values, byte order
 * marks, invalid UTF-8, control bytes, deep nesting, gzip), which random bytes almost never reach. Tries
 * are bounded so the suite stays fast; or run the
 * Jazzer fuzz tests for a long search (docs/reliability.md).
 */
class ParserPropertiesTest {

    private static final Duration HANG = Duration.ofSeconds(30);

    @Property(tries = 400)
    void accountingHoldsForAnyInputInEveryShape(@ForAll("hostile") byte[] body, @ForAll EntryPoints.Shape shape) {
        FileReport r = assertTimeoutPreemptively(HANG, () -> EntryPoints.check(shape, body));
        Statistics.label("outcome").collect(r.format(), r.error() != null ? "file error"
                : r.quarantined() > 0 ? "quarantined" : r.events() > 0 ? "events" : "nothing");
    }

    @Property(tries = 300)
    void arbitraryBytesEndInEventsOrRejectsNeverACrash(@ForAll @Size(max = 4_096) byte[] bytes,
                                                       @ForAll EntryPoints.Shape shape) {
        assertTimeoutPreemptively(HANG, () -> EntryPoints.check(shape, bytes));
    }

    @Property(tries = 300)
    void theSnifferTakesAnyBytes(@ForAll("hostile") byte[] bytes) {
        assertTimeoutPreemptively(HANG, () -> EntryPoints.sniff(bytes));
    }

    /** Any text is a timestamp that java.time agrees with, or INVALID; never an exception. */
    @Property(tries = 2_000)
    void eventTimesAgreeWithJavaTimeOrSayInvalid(@ForAll("timestamps") String s) {
        long parsed = EventTimes.parse(s);
        if (parsed != EventTimes.INVALID) {
            long expected;
            try {
                expected = OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                return; // the basic form, 20240505T093000Z, which OffsetDateTime.parse does not read
            }
            assertThat(parsed).as(s).isEqualTo(expected);
        }
    }

    @Property(tries = 1_000)
    void ipLiteralsTakeAnyText(@ForAll("addresses") String s) {
        IpLiterals.isIp(s);
    }

    @Provide
    Arbitrary<byte[]> hostile() {
        Arbitrary<byte[]> fragment = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(JSON_FRAGMENTS).map(Reads::utf8)),
                Tuple.of(2, Arbitraries.of(EDGE_BYTES)),
                Tuple.of(2, Arbitraries.of(GOOD_RECORDS).map(Reads::utf8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
                Tuple.of(1, Arbitraries.integers().between(1, 1_200)
                        .map(n -> utf8("[".repeat(n) + "]".repeat(n)))));
        return fragment.list().ofMinSize(0).ofMaxSize(40).map(parts -> Hostile.concat(parts.toArray(byte[][]::new)));
    }

    @Provide
    Arbitrary<String> timestamps() {
        Arbitrary<String> wellFormed = Arbitraries.longs().between(-62_167_219_200_000L, 253_402_300_799_999L)
                .map(ms -> java.time.Instant.ofEpochMilli(ms).toString());
        Arbitrary<String> pieces = Arbitraries.of("2024", "-05", "-01", "T", "10", ":00", ":59", ".", "123456789",
                "Z", "z", "+00:00", "-18:00", "+999999999", "-999999999", "0000", "9999", "-13", "-31", "-29",
                "T24", ":60", "1", "", " ", "\u0000", "\uD800", "٣").list().ofMaxSize(10)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(wellFormed, pieces, Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> pieces = Arbitraries.of("1", "255", "256", "0", "000", ".", ":", "::", "ffff", "g",
                "%eth0", "/", "[", "]", "1.2.3.4", "::ffff:", "", "\u0000", "٣").list().ofMaxSize(12)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(pieces, Arbitraries.strings().ofMaxLength(60));
    }

    private static final List<String> JSON_FRAGMENTS = List.of("{", "}", "[", "]", ":", ",", "\"", "null", "true",
            "false", "0", "-1", "1e999", "-0.0", "123456789012345678901234567890", "\"\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\\"\"", "\\", "\n", "\r\n", "\r", " ", "\t", "//", "/*", "'", "NaN",
            "\"Records\"", "\"Events\"", "\"CloudTrailEvent\"", "\"detail-type\"", "\"detail\"",
            "\"AWS API Call via CloudTrail\"", "\"digestStartTime\"", "\"eventVersion\"", "\"eventTime\"",
            "\"eventSource\"", "\"eventName\"", "\"eventID\"", "\"userIdentity\"", "\"type\"", "\"arn\"",
            "\"AssumedRole\"", "\"IAMUser\"", "\"AWSService\"", "\"IdentityCenterUser\"", "\"sessionContext\"",
            "\"sessionIssuer\"", "\"requestParameters\"", "\"responseElements\"", "\"instanceIds\"", "\"targets\"",
            "\"Key\"", "\"Values\"", "\"instancesSet\"", "\"items\"", "\"userData\"", "\"parameters\"",
            "\"commands\"", "\"ConsoleLogin\"", "\"additionalEventData\"", "\"MFAUsed\"", "\"@timestamp\"",
            "\"2024-05-01T10:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"1970-01-01T00:00:00Z\"",
            "\"ssm.amazonaws.com\"", "\"SendCommand\"", "\"aws:s3\"", "\"i-0123\"", "\"*\"", "\"::1\"",
            "\"HIDDEN_DUE_TO_SECURITY_REASONS\"", "\"IyEvYmluL2Jhc2gKY3VybCBldmlsIHwgc2g=\"",
            "\"arn:aws:sts::1:assumed-role/R/i-1\"", "{\"eventVersion\":", "{\"Records\":[", "]}", "},{");

    private static final List<byte[]> EDGE_BYTES = List.of(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
            new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xfe, (byte) 0xff},
            new byte[] {0, 0, (byte) 0xfe, (byte) 0xff}, new byte[] {(byte) 0x1f, (byte) 0x8b},
            new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, new byte[] {(byte) 0xc3},
            new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80},
            new byte[] {0}, new byte[] {0x1b, '[', '3', '1', 'm'}, new byte[] {'P', 'K', 3, 4},
            new byte[] {(byte) 0xe2, (byte) 0x80, (byte) 0xae}, Reads.gzip(utf8(Reads.record("ssm.amazonaws.com",
                    "SendCommand", null))));

    private static final List<String> GOOD_RECORDS = List.of(Reads.record("ssm.amazonaws.com", "SendCommand", null),
            Reads.record("ec2.amazonaws.com", "ModifyInstanceAttribute", "\"requestParameters\":{\"instanceId\":"
                    + "\"i-1\",\"userData\":\"IyEvYmluL2Jhc2gKaWQ=\"}"),
            Reads.record("signin.amazonaws.com", "ConsoleLogin", "\"responseElements\":{\"ConsoleLogin\":\"Failure\"}"),
            "{\"Records\":[" + Reads.record("iam.amazonaws.com", "CreateAccessKey", null) + "]}",
            "{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":" + Reads.record("ssm.amazonaws.com",
                    "StartSession", null) + "}");
}
