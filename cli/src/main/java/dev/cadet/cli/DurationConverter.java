package dev.cadet.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads durations the way analysts write them ({@code 90s}, {@code 30m}, {@code 1h}, {@code 2d}) or as ISO-8601. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
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
        } catch (NumberFormatException | DateTimeParseException e) {
            // fall through to the message below
        }
        throw new CommandLine.TypeConversionException(
                "'" + value + "' is not a duration: expected e.g. 90s, 30m, 1h, 2d or PT1H");
    }
}
