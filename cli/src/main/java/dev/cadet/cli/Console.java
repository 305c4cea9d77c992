package dev.cadet.cli;

import dev.cadet.reports.TerminalText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/**
 * The analyst's terminal: where output goes, whether each stream is a terminal (progress only on a
 * terminal, colour only on a terminal and only without {@code NO_COLOR}), and the clock progress
 * reports read. Text from the logs is passed through {@link #safe} before it is printed.
 *
 * @param out          standard output: the summary
 * @param bytes        standard output as bytes, for data a command writes there ({@code normalize --out -})
 * @param err          standard error: progress and errors
 * @param outTerminal  standard output is a terminal
 * @param errTerminal  standard error is a terminal
 * @param colour       ANSI colours may be used on standard output
 * @param clock        wall clock for rates and redraw intervals; never used for event time
 */
record Console(PrintWriter out, OutputStream bytes, PrintWriter err, boolean outTerminal, boolean errTerminal,
               boolean colour, InstantSource clock) {

    /** Plain streams (tests, embedding): no terminal, no colour, no progress; bytes go to {@code out} as UTF-8. */
    static Console plain(PrintWriter out, PrintWriter err) {
        return new Console(out, utf8To(out), err, false, false, false, InstantSource.system());
    }

    /** The process's own streams, with what can be told about them. */
    static Console system(PrintWriter out, PrintWriter err, Map<String, String> env) {
        boolean dumb = "dumb".equals(env.get("TERM"));
        boolean outTty = !dumb && isTerminal(1);
        boolean errTty = !dumb && isTerminal(2);
        // https://no-color.org: any non-empty NO_COLOR turns colour off.
        boolean noColor = env.get("NO_COLOR") != null && !env.get("NO_COLOR").isEmpty();
        return new Console(out, System.out, err, outTty, errTty, outTty && !noColor, InstantSource.system());
    }

    /**
     * True when file descriptor {@code fd} is a terminal. Java 17 cannot ask isatty for one stream, so
     * on Linux the descriptor's link in /proc is read; elsewhere {@link System#console()} (standard
     * input and output both terminals) stands in.
     */
    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.exists(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }

    /** Bytes decoded as UTF-8 into a writer when flushed: standard output for a caller that only gave a writer. */
    private static OutputStream utf8To(PrintWriter out) {
        return new ByteArrayOutputStream() {
            @Override
            public synchronized void flush() {
                out.write(toString(StandardCharsets.UTF_8));
                out.flush();
                reset();
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    /** Text from the logs made safe for a terminal: control characters, ANSI escapes and bidi overrides shown as U+FFFD. */
    static String safe(String s) {
        return TerminalText.safe(s);
    }

    /** {@code text} in an ANSI style when colour is on; {@code text} as is otherwise. */
    String style(String ansi, String text) {
        return colour ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }

    static final String BOLD = "1";
    static final String RED = "1;31";
    static final String YELLOW = "33";
    static final String GREEN = "32";
    static final String DIM = "2";
}
