package dev.cadet.cli;

/** Text bound for the analyst's terminal: input-derived strings must not drive the terminal. */
final class Console {

    private Console() {
    }

    /**
     * Replaces every control character (C0, DEL, C1: ESC starts ANSI sequences), format character (bidi
     * overrides and isolates, zero-width and invisible characters, tags), line or paragraph separator and
     * unpaired surrogate with '?'. By Unicode category rather than a list, so that no such character is
     * forgotten.
     */
    static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(drivesTheTerminal(cp) ? '?' : cp));
        return b.toString();
    }

    private static boolean drivesTheTerminal(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
