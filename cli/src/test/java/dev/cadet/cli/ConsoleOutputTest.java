package dev.cadet.cli;

import dev.cadet.model.FileReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress line and the coloured summary, drawn as a terminal would get them. */
class ConsoleOutputTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());

    private Console terminal(boolean colour) {
        return new Console(new PrintWriter(out, true), System.out, new PrintWriter(err, true), true, true, colour,
                clock);
    }

    @Test
    void progressShowsBytesRecordsAndEventsPerSecondThenClearsItsLine() {
        Progress p = Progress.of(terminal(false), false);
        assertThat(p.shown()).isTrue();
        p.start(4, 4096);
        for (int i = 0; i < 300; i++) {
            p.event();
        }
        p.fileDone(new FileReport("a.json", "cloudtrail-records", 120, 100, 0, 20, null));
        now.addAndGet(2_000);
        assertThat(p.line()).startsWith("cadet: reading [").contains("0 B of 4.0 KiB", "1/4 files",
                "320 records", "150 events/s");
        p.phase("analysing");
        now.addAndGet(60_000);
        // The rate is frozen when reading ends: the detectors' time does not dilute it.
        assertThat(p.line()).startsWith("cadet: analysing").contains("150 events/s");
        p.close();
        String drawn = err.toString();
        assertThat(drawn).startsWith("\rcadet: analysing").endsWith("\r");
        assertThat(drawn.substring(drawn.lastIndexOf("\r", drawn.length() - 2) + 1, drawn.length() - 1)).isBlank();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void noProgressWhenQuietOrNotATerminal() {
        assertThat(Progress.of(terminal(true), true).shown()).isFalse();
        assertThat(Progress.of(Console.plain(new PrintWriter(out), new PrintWriter(err)), false).shown()).isFalse();
    }

    @Test
    void summaryIsColouredOnATerminalAndPlainOtherwise(@TempDir Path dir) {
        String scenario = Path.of("src", "test", "resources", "scenarios", "intrusion-with-gap").toString();
        assertThat(Main.run(terminal(true), "scan", scenario, "--out", dir.toString(), "--quiet")).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(Main.run(terminal(true), "scan", scenario, "--out", dir.toString())).isZero();
        assertThat(out.toString()).contains("\u001b[1;31mESCALATE_TIER2", "\u001b[0m");
        // Progress went to standard error and was cleared before the summary.
        assertThat(err.toString()).startsWith("\rcadet: ").endsWith("\r");

        StringWriter plain = new StringWriter();
        Main.run(new PrintWriter(plain, true), new PrintWriter(new StringWriter(), true), "scan", scenario, "--out",
                dir.toString());
        assertThat(plain.toString()).contains("ESCALATE_TIER2").doesNotContain("\u001b");
    }

    @Test
    void noColorTurnsColourOff() {
        Console c = Console.system(new PrintWriter(out), new PrintWriter(err), java.util.Map.of("NO_COLOR", "1"));
        assertThat(c.colour()).isFalse();
        assertThat(c.style(Console.RED, "x")).isEqualTo("x");
        assertThat(terminal(true).style(Console.RED, "x")).isEqualTo("\u001b[1;31mx\u001b[0m");
    }
}
