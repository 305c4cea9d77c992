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

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}; fractions beyond milliseconds are truncated, like {@code Instant}. */
    static long parseUtc(String s) {
        int len = s.length();
        if (len < 20 || s.charAt(len - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != 't') || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int millis = 0;
        if (len > 20) {
            if (s.charAt(19) != '.' || len > 30 || len == 21) {
                return INVALID;
            }
            for (int i = 20; i < len - 1; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return INVALID;
                }
                if (i < 23) {
                    millis = millis * 10 + (c - '0');
                }
            }
            for (int i = len - 1; i < 23; i++) {
                millis *= 10;
            }
        }
        long days = epochDay(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    /**
     * {@code java.time} reads years up to +/-999,999,999, whose milliseconds do not fit in a long: such a
     * time throws {@link ArithmeticException}, and is no timestamp any event can have.
     */
    private static long parseSlow(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            // not the extended form, or not representable; try the basic one next
        }
        try {
            return OffsetDateTime.parse(s, BASIC).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return INVALID;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
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
