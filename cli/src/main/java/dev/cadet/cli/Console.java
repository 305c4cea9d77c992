package dev.cadet.cli;

/** Text bound for the analyst's terminal: input-derived strings must not drive the terminal. */
final class Console {

    private Console() {
    }

    /** Replaces control characters (C0, DEL, C1; ESC starts ANSI sequences) and bidi overrides with '?'. */
    static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            b.append(control || bidi ? '?' : c);
        }
        return b.toString();
    }
}
