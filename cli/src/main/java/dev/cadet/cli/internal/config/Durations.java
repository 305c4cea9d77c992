package dev.cadet.cli.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations the way analysts write them ({@code 90s}, {@code 30m}, {@code 1h}, {@code 2d}) or as ISO-8601. */
public final class Durations {

    /** What a duration looks like, for error messages. */
    public static final String EXPECTED = "a duration such as 90s, 30m, 1h, 2d or PT1H";

    private Durations() {
    }

    /** The duration, or {@code null} when {@code value} is not one. */
    public static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p") || v.startsWith("-p")) {
                return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            }
            if (v.length() >= 2) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                switch (v.charAt(v.length() - 1)) {
                    case 's': return Duration.ofSeconds(n);
                    case 'm': return Duration.ofMinutes(n);
                    case 'h': return Duration.ofHours(n);
                    case 'd': return Duration.ofDays(n);
                    default: break;
                }
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return null;
        }
        return null;
    }
}
