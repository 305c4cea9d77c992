package dev.cadet.reports.internal;

import dev.cadet.model.Origin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Format-neutral text handling shared by every writer: which characters may never reach an
 * analyst's screen, timestamps, evidence locations and the order of ids.
 */
public final class Text {

    /** What a hidden character becomes: visible, so that an analyst sees that something was there. */
    public static final char REPLACEMENT = '\uFFFD';

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Text() {
    }

    /**
     * True for a code point that can rewrite what a terminal or a renderer shows: C0 controls other
     * than tab, line feed and carriage return; DEL; C1 controls (the one-byte CSI U+009B included); Unicode
     * bidirectional controls; line and paragraph separators; invisible format characters that can
     * disguise a name (soft hyphen, zero width space, word joiner, byte order mark, tag characters).
     * The list is explicit rather than taken from {@link Character#getType} so that the output does
     * not change with the JDK's Unicode version.
     */
    public static boolean isHidden(int cp) {
        if (cp < 0x20) {
            return cp != '\t' && cp != '\n' && cp != '\r';
        }
        if (cp < 0x7F) {
            return false;
        }
        return cp <= 0x9F                               // DEL and C1
                || cp == 0x00AD                         // soft hyphen
                || cp == 0x061C                         // Arabic letter mark
                || cp == 0x180E                         // Mongolian vowel separator
                || cp == 0x200B                         // zero width space
                || cp == 0x200E || cp == 0x200F         // LRM, RLM
                || cp == 0x2028 || cp == 0x2029         // line and paragraph separators
                || (cp >= 0x202A && cp <= 0x202E)       // LRE RLE PDF LRO RLO
                || (cp >= 0x2060 && cp <= 0x2064)       // word joiner, invisible operators
                || (cp >= 0x2066 && cp <= 0x206F)       // LRI RLI FSI PDI, deprecated format controls
                || cp == 0xFEFF                         // byte order mark
                || (cp >= 0xFFF9 && cp <= 0xFFFB)       // interlinear annotation
                || (cp >= 0xE0000 && cp <= 0xE007F)     // tag characters
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE); // unpaired
    }

    /**
     * The text with every hidden character and unpaired surrogate replaced by {@link #REPLACEMENT};
     * tab, line feed and carriage return are kept. {@code null} stays {@code null}.
     */
    public static String visible(String s) {
        if (s == null || isClean(s, false)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (isHidden(cp)) {
                b.append(REPLACEMENT);
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /**
     * The text on one line: CR LF, CR, LF, tab, vertical tab, form feed, NEL and the Unicode line and
     * paragraph separators each become one space; other hidden characters become {@link #REPLACEMENT}.
     * {@code null} becomes the empty string.
     */
    public static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        if (isClean(s, true)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r' && i < s.length() && s.charAt(i) == '\n') {
                i++; // CR LF is one break, one space
                b.append(' ');
            } else if (isBreak(cp)) {
                b.append(' ');
            } else if (isHidden(cp)) {
                b.append(REPLACEMENT);
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    private static boolean isBreak(int cp) {
        return cp == '\r' || cp == '\n' || cp == '\t' || cp == 0x0B || cp == 0x0C || cp == 0x85
                || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isClean(String s, boolean oneLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Fast path: printable ASCII is never hidden; anything else takes the slow path.
            if (c < 0x20 || c >= 0x7F) {
                if (!oneLine && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                if (c >= 0xA0 && !Character.isSurrogate(c) && !isHidden(c)) {
                    continue;
                }
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (isHidden(Character.toCodePoint(c, s.charAt(i + 1)))) {
                        return false;
                    }
                    i++;
                    continue;
                }
                return false;
            }
        }
        return true;
    }

    /** The first {@code max} code points of {@code s}, with an ellipsis when something was cut. */
    public static String truncate(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }

    /** An instant as ISO-8601 UTC with milliseconds, for example {@code 2024-05-01T10:00:00.000Z}. */
    public static String time(long epochMillis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Where a raw record is, as {@code file#record} (the form lists of evidence use). */
    public static String location(Origin o) {
        return o.file() + "#" + o.record();
    }

    /** Where a raw record is, with its line when known: {@code file#record (line N)}. */
    public static String locationWithLine(Origin o) {
        return o.line() > 0 ? location(o) + " (line " + o.line() + ")" : location(o);
    }

    /** {@code null} for an empty list, else the items joined. */
    public static String join(List<String> items, String separator) {
        return items.isEmpty() ? null : String.join(separator, items);
    }

    /**
     * Natural order of ids: runs of digits compare as numbers, so {@code F-10000} follows
     * {@code F-9999}; {@code null} sorts last. Ties fall back to plain string order, so the order is total.
     */
    public static final Comparator<String> ID_ORDER = Comparator.nullsLast(Text::compareNatural);

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int si = skipZeros(a, i, ei);
                int sj = skipZeros(b, j, ej);
                int byLength = Integer.compare(ei - si, ej - sj);
                if (byLength != 0) {
                    return byLength;
                }
                int byDigits = a.substring(si, ei).compareTo(b.substring(sj, ej));
                if (byDigits != 0) {
                    return byDigits;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int skipZeros(String s, int from, int end) {
        int k = from;
        while (k < end - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }
}
