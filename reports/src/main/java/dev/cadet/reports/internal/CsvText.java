package dev.cadet.reports.internal;

/**
 * The one place that turns untrusted text into a CSV cell value (quoting itself is left to Commons
 * CSV). A cell keeps its text, line breaks and tabs included, except that hidden characters become
 * U+FFFD and a value a spreadsheet would run as a formula gets a leading apostrophe.
 *
 * <p>The rule is reversible: {@link #neutralise} adds {@code '} exactly when the value starts with
 * one of {@code = + - @ TAB CR}, or with {@code '} followed by one of those or by another {@code '};
 * so a cell that starts with {@code '} followed by one of {@code = + - @ TAB CR '} had the apostrophe
 * added, and {@link #restore} takes it off.
 */
public final class CsvText {

    private CsvText() {
    }

    /** The cell value for {@code raw}; {@code null} becomes the empty string. */
    public static String cell(String raw) {
        return raw == null ? "" : neutralise(Text.visible(raw));
    }

    /** {@code s} with {@code '} in front when a spreadsheet could read it as a formula (see the class comment). */
    public static String neutralise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        boolean quoteFirst = first == '\'' && s.length() > 1 && (isTrigger(s.charAt(1)) || s.charAt(1) == '\'');
        return isTrigger(first) || quoteFirst ? "'" + s : s;
    }

    /** The inverse of {@link #neutralise}: what a tool reading the CSV does to get the original value back. */
    public static String restore(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && (isTrigger(cell.charAt(1)) || cell.charAt(1) == '\'')) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
