package dev.cadet.parsers.internal;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event timestamps to epoch milliseconds. The shape audit logs use almost always,
 * {@code yyyy-MM-ddTHH:mm:ss[.f...]Z}, is read by hand without allocating (this runs once per record and
 * {@code Instant.parse} shows up in profiles); anything else falls back to {@code java.time}.
 */
public final class EventTimes {

    /** Returned for text that is not a timestamp; no real event is that old. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssX");

    /** How to read {@code 01/09/2007}: the order of day and month in a slash date. */
    public enum SlashDates {
        /** {@code M/d/yyyy}: what .NET's invariant culture writes, and so Azure. */
        MONTH_FIRST,
        /**
         * {@code d/M/yyyy} with a 24-hour clock, {@code M/d/yyyy} with AM/PM: a browser locale's date in a
         * Log Analytics export ({@code 21/04/2025, 09:45:54.000} in en-GB, {@code 4/21/2025, 9:45:54.000 AM} in en-US).
         */
        DAY_FIRST_UNLESS_AM_PM
    }

    private static final String FRACTION = "(?:[.,](\\d{1,9}))?";
    private static final String ZONE = "\\s*(Z|z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?";
    /** {@code 2007-01-09T09:41:00}, {@code 2023-03-21 20:12:34.000}, with or without a zone. */
    private static final Pattern ISO_LOOSE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})[Tt ](\\d{1,2}):(\\d{2})"
            + "(?::(\\d{2})" + FRACTION + ")?" + ZONE);
    /** {@code 1/9/2007 9:41:00 AM +01:00}, {@code 21/04/2025, 09:45:54.000}. */
    private static final Pattern SLASH = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}),?\\s+(\\d{1,2}):(\\d{2})"
            + "(?::(\\d{2})" + FRACTION + ")?(?:\\s*([AaPp][Mm]))?" + ZONE);
    /** JavaScript's {@code Date.toString()}: {@code Wed Jun 01 2022 13:39:35 GMT+0200 (Central European Summer Time)}. */
    private static final Pattern JAVASCRIPT = Pattern.compile("(?:[A-Za-z]{3},? )?([A-Za-z]{3}) (\\d{1,2}),? (\\d{4}) "
            + "(\\d{1,2}):(\\d{2}):(\\d{2}) (?:GMT|UTC)([+-]\\d{4})?(?: \\(.*\\))?");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

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
     * Epoch millis of any timestamp style Azure and SIEM exports write, or {@link #INVALID}: ISO-8601 with or
     * without a zone or fraction digits (no zone means UTC, as Azure means it), with a space instead of
     * {@code T}, slash dates with a 12- or 24-hour clock and an optional offset, and JavaScript's
     * {@code Date.toString()} form. Fractions beyond milliseconds are truncated.
     */
    public static long parseLoose(String s, SlashDates order) {
        if (s == null) {
            return INVALID;
        }
        String t = s.strip();
        long iso = parse(t);
        if (iso != INVALID) {
            return iso;
        }
        Matcher m = ISO_LOOSE.matcher(t);
        if (m.matches()) {
            return compose(number(m.group(1)), number(m.group(2)), number(m.group(3)), number(m.group(4)),
                    number(m.group(5)), number(m.group(6)), m.group(7), offsetMinutes(m.group(8)));
        }
        m = SLASH.matcher(t);
        if (m.matches()) {
            return slashDate(m, order);
        }
        m = JAVASCRIPT.matcher(t);
        if (m.matches()) {
            int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT));
            if (month < 0 || month % 3 != 0) {
                return INVALID;
            }
            return compose(number(m.group(3)), month / 3 + 1, number(m.group(2)), number(m.group(4)),
                    number(m.group(5)), number(m.group(6)), null, offsetMinutes(m.group(7)));
        }
        return INVALID;
    }

    private static long slashDate(Matcher m, SlashDates order) {
        int a = number(m.group(1));
        int b = number(m.group(2));
        String meridiem = m.group(8);
        boolean monthFirst = order == SlashDates.MONTH_FIRST || meridiem != null;
        // When the chosen order gives no date but the other one does, only one reading exists.
        if (monthFirst ? a > 12 && b <= 12 : b > 12 && a <= 12) {
            monthFirst = !monthFirst;
        }
        int hour = number(m.group(4));
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return INVALID;
            }
            boolean pm = meridiem.equalsIgnoreCase("pm");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return compose(number(m.group(3)), monthFirst ? a : b, monthFirst ? b : a, hour, number(m.group(5)),
                number(m.group(6)), m.group(7), offsetMinutes(m.group(9)));
    }

    /** Minutes east of UTC for {@code Z}, {@code +01:00}, {@code -0500}, {@code UTC}; 0 when absent; MIN_VALUE when bad. */
    private static int offsetMinutes(String zone) {
        if (zone == null || zone.equalsIgnoreCase("z") || zone.equals("UTC") || zone.equals("GMT")) {
            return 0;
        }
        String digits = zone.substring(1).replace(":", "");
        if (digits.length() != 4) {
            return Integer.MIN_VALUE;
        }
        int hours = number(digits.substring(0, 2));
        int minutes = number(digits.substring(2));
        if (hours > 18 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int total = hours * 60 + minutes;
        return zone.charAt(0) == '-' ? -total : total;
    }

    private static long compose(int year, int month, int day, int hour, int minute, int second, String fraction,
                                int offsetMinutes) {
        if (offsetMinutes == Integer.MIN_VALUE || month < 1 || month > 12 || day < 1
                || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        int millis = 0;
        if (fraction != null) {
            String ms = (fraction + "00").substring(0, 3);
            millis = number(ms);
        }
        long days = epochDay(year, month, day);
        return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000L + Math.max(second, 0) * 1000L + millis;
    }

    /** A non-negative decimal number already checked by a pattern; 0 for an absent group. */
    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}; fractions beyond milliseconds are truncated, like {@code Instant}.
     * Takes any characters, so that a parser's own buffer can be read without making a string of it first.
     */
    public static long parseUtc(CharSequence s) {
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

    private static int digits(CharSequence s, int from, int count) {
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
