package dev.cadet.parsers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cadet.parsers.internal.EventTimes;
import dev.cadet.parsers.internal.IpLiterals;

import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz tests (Jazzer), one per way bytes enter the parsers. In the normal build they run
 * in regression mode: every input under {@code src/test/resources/dev/cadet/parsers/EntryPointFuzzTestInputs/<method>/}
 * (seeds, and each crash ever found, kept as a regression test) is replayed, which takes about two
 * seconds (without instrumentation: {@code jazzer.hooks = false} in {@code junit-platform.properties}). To
 * fuzz one entry point for real, with coverage guidance, for the {@code maxDuration} given here or the
 * duration passed:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 mvn -o -pl parsers -am test -Dtest='EntryPointFuzzTest#records' -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djazzer.hooks=true -Djazzer.instrument='dev.cadet.**,tools.jackson.**' -Djazzer.max_duration=10m
 * }</pre>
 *
 * Jazzer fuzzes one method per run; a crash is written as {@code crash-<sha1>} into the method's inputs
 * folder, where it stays as a regression test once the bug is fixed. The invariants checked are those of
 * {@link EntryPoints}: accounting adds up, rejects are located and capped, strict agrees, nothing but
 * {@link InputException} escapes.
 */
class EntryPointFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyFile(byte[] data) {
        EntryPoints.check(EntryPoints.Shape.FILE, data);
    }

    @FuzzTest(maxDuration = "5m")
    void gzip(byte[] data) {
        EntryPoints.check(EntryPoints.Shape.GZIP, data);
    }

    @FuzzTest(maxDuration = "5m")
    void sniffer(byte[] data) {
        EntryPoints.sniff(data);
    }

    @FuzzTest(maxDuration = "5m")
    void records(byte[] data) {
        EntryPoints.check(EntryPoints.Shape.RECORDS, data);
    }

    @FuzzTest(maxDuration = "5m")
    void array(byte[] data) {
        EntryPoints.check(EntryPoints.Shape.ARRAY, data);
    }

    @FuzzTest(maxDuration = "5m")
    void jsonLines(byte[] data) {
        EntryPoints.check(EntryPoints.Shape.JSON_LINES, data);
    }

    @FuzzTest(maxDuration = "5m")
    void lookupEvents(byte[] data) {
        EntryPoints.check(EntryPoints.Shape.LOOKUP_EVENTS, data);
    }

    @FuzzTest(maxDuration = "5m")
    void eventBridge(byte[] data) {
        EntryPoints.check(EntryPoints.Shape.EVENTBRIDGE, data);
    }

    @FuzzTest(maxDuration = "5m")
    void digest(byte[] data) {
        EntryPoints.check(EntryPoints.Shape.DIGEST, data);
    }

    /** Timestamps reach {@code java.time} for anything but the common UTC form. */
    @FuzzTest(maxDuration = "2m")
    void eventTime(byte[] data) {
        EventTimes.parse(new String(data, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2m")
    void ipLiteral(byte[] data) {
        IpLiterals.isIp(new String(data, StandardCharsets.UTF_8));
    }
}
