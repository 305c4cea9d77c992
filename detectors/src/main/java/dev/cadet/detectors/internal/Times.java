package dev.cadet.detectors.internal;

import java.time.Duration;
import java.time.Instant;

/** Event-time arithmetic and formatting shared by the detectors. */
public final class Times {

    public static final long HOUR = 3_600_000L;

    private Times() {
    }

    /** {@code time - amount}, saturating at {@link Long#MIN_VALUE} instead of wrapping. */
    public static long minus(long time, long amount) {
        long r = time - amount;
        return ((time ^ amount) & (time ^ r)) < 0 ? Long.MIN_VALUE : r;
    }

    /** {@code time + amount}, saturating at {@link Long#MAX_VALUE} instead of wrapping. */
    public static long plus(long time, long amount) {
        long r = time + amount;
        return ((time ^ r) & (amount ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /**
     * ISO-8601 UTC, as analysts read it in reports: {@code 2024-05-01T10:00:00Z}, {@code 2024-05-01T10:00:00.250Z};
     * exactly {@link Instant#toString()}. Written by hand for years 0 to 9999, because every finding's summary
     * formats its times and {@code Instant.toString} is a large share of building one.
     */
    public static String iso(long millis) {
        return appendIso(new StringBuilder(24), millis).toString();
    }

    /** {@link #iso} written onto {@code sb}, so that a summary being built needs no string of its own for it. */
    public static StringBuilder appendIso(StringBuilder sb, long millis) {
        long days = Math.floorDiv(millis, 86_400_000L);
        int msOfDay = (int) Math.floorMod(millis, 86_400_000L);
        // Civil date from days since 1970-01-01 (era based, proleptic Gregorian).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return sb.append(Instant.ofEpochMilli(millis));
        }
        int ms = msOfDay % 1000;
        digits(sb, (int) year, 4).append('-');
        digits(sb, month, 2).append('-');
        digits(sb, day, 2).append('T');
        digits(sb, msOfDay / 3_600_000, 2).append(':');
        digits(sb, msOfDay / 60_000 % 60, 2).append(':');
        digits(sb, msOfDay / 1000 % 60, 2);
        if (ms != 0) {
            digits(sb.append('.'), ms, 3);
        }
        return sb.append('Z');
    }

    /** {@code value} in {@code width} digits, zero-padded. */
    private static StringBuilder digits(StringBuilder sb, int value, int width) {
        for (int div = width == 4 ? 1000 : width == 3 ? 100 : 10; div > 0; div /= 10) {
            sb.append((char) ('0' + value / div % 10));
        }
        return sb;
    }

    /** A duration the way the configuration documents show it: {@code 1h}, {@code 90m}, {@code 45s}, {@code 1500ms}. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1_000L == 0) {
            return ms / 1_000L + "s";
        }
        return ms + "ms";
    }
}
