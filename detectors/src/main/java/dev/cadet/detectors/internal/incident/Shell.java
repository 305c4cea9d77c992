package dev.cadet.detectors.internal.incident;

/** POSIX shell quoting for identifiers taken from logs, which an attacker can influence. */
public final class Shell {

    private Shell() {
    }

    /** {@code value} as one single-quoted word: inside single quotes nothing is special but the quote itself. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
