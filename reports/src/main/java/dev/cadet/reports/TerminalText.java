package dev.cadet.reports;

import dev.cadet.reports.internal.Text;

/**
 * Text from the logs made safe for a terminal: on one line, with every character that could move the
 * cursor, recolour or clear the screen, retitle the window or reverse the reading order (C0 and C1
 * controls, ESC and so every ANSI sequence, DEL, bidirectional and invisible format characters)
 * shown as U+FFFD. The same characters are hidden in every report format; see
 * {@code docs/report-formats.md}.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code raw} safe to print; {@code null} becomes the empty string. */
    public static String safe(String raw) {
        return Text.oneLine(raw);
    }
}
