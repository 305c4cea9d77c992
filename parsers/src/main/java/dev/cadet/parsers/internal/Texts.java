package dev.cadet.parsers.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;

import java.util.Locale;
import java.util.regex.Pattern;

/** Wording shared by messages: grouped numbers, counted nouns, capped quotes of input. */
public final class Texts {

    /** Jackson's pointer to where an open structure started: noise in our messages, which give their own location. */
    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[.*?\\]\\)");
    private static final int PARSER_MESSAGE_CHARS = 200;

    private Texts() {
    }

    /** {@code 1234} as {@code 1,234}, whatever the default locale. */
    public static String number(long n) {
        // By hand: error messages number their records, and String.format with grouping costs more than
        // reading a short input that fails (the scan reads the first kilobytes of every file cut short).
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder(digits.length() + length / 3).append(digits, 0, sign);
        int lead = length % 3 == 0 ? 3 : length % 3;
        b.append(digits, sign, sign + lead);
        for (int i = sign + lead; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    /** A size for people: {@code 512 bytes}, {@code 64 MiB}, {@code 1.5 GiB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return count(n, "byte");
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int unit = -1;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        String format = v == Math.rint(v) ? "%.0f %s" : "%.1f %s";
        return String.format(Locale.ROOT, format, v, units[unit]);
    }

    /** {@code 1 record}, {@code 1,234 records}. */
    public static String count(long n, String noun) {
        return number(n) + " " + (n == 1 ? noun : noun + "s");
    }

    /**
     * At most {@code max} characters of {@code s}; a cut text ends with an ellipsis so a reader knows there
     * was more. Never splits a surrogate pair.
     */
    public static String cap(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "\u2026";
    }

    /** Input quoted in a message: single quotes around the capped text. */
    public static String quote(String s, int max) {
        return "'" + cap(s, Math.max(1, max - 2)) + "'";
    }

    /** How a JSON token reads in a sentence: "an object", "a string", "null". */
    public static String describe(JsonToken t) {
        if (t == null) {
            return "the end of input";
        }
        return switch (t) {
            case START_OBJECT, END_OBJECT -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The parser's own words for a JSON error, on one line, without its location (we report our own). */
    public static String parserMessage(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "unreadable JSON";
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        m = START_MARKER.matcher(m).replaceAll("");
        return cap(m.strip(), PARSER_MESSAGE_CHARS);
    }
}
