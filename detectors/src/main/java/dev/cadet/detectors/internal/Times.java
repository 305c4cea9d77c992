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

    /** ISO-8601 UTC, as analysts read it in reports: {@code 2024-05-01T10:00:00Z}. */
    public static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
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
