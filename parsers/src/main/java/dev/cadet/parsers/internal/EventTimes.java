package dev.cadet.parsers.internal;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Event timestamps to epoch milliseconds. The shape audit logs use almost always,
 * {@code yyyy-MM-ddTHH:mm:ss[.f...]Z}, is read by hand without allocating (this runs once per record and
 * {@code Instant.parse} shows up in profiles); anything else falls back to {@code java.time}.
 */
public final class EventTimes {

    /** Returned for text that is not a timestamp; no real event is that old. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssX");

    private EventTimes() {
    }

    /** Epoch millis of an ISO-8601 timestamp with a zone ({@code Z} or an offset), or {@link #INVALID}. */
    public static long parse(String s) {
        if (s == null) {
            return INVALID;
        }
        long fast = parseUtc(s);
        return fast != INVALID ? fast : parseSlow(s);
    }

    /**
     * Epoch millis of the timestamp in {@code text[offset, offset + length)}, or {@link #INVALID}: the parser's
     * character buffer can be read in place, without making a string first.
     */
    public static long parse(char[] text, int offset, int length) {
        long fast = parseUtc(text, offset, length);
        return fast != INVALID ? fast : parseSlow(new String(text, offset, length));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}; fractions beyond milliseconds are truncated, like {@code Instant}. */
    static long parseUtc(String s) {
        return s.length() > 40 ? INVALID : parseUtc(s.toCharArray(), 0, s.length());
    }

    static long parseUtc(char[] c, int off, int len) {
        if (len < 20 || c[off + len - 1] != 'Z' || c[off + 4] != '-' || c[off + 7] != '-'
                || (c[off + 10] != 'T' && c[off + 10] != 't') || c[off + 13] != ':' || c[off + 16] != ':') {
            return INVALID;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int millis = 0;
        if (len > 20) {
            if (c[off + 19] != '.' || len > 30 || len == 21) {
                return INVALID;
            }
            for (int i = 20; i < len - 1; i++) {
                char ch = c[off + i];
                if (ch < '0' || ch > '9') {
                    return INVALID;
                }
                if (i < 23) {
                    millis = millis * 10 + (ch - '0');
                }
            }
            for (int i = len - 1; i < 23; i++) {
                millis *= 10;
            }
        }
        long days = epochDay(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static long parseSlow(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            // not the extended form; try the basic one next
        }
        try {
            return OffsetDateTime.parse(s, BASIC).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    private static int digits(char[] s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse, era based). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1L : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
