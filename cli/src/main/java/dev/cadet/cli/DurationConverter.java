package dev.cadet.cli;

import dev.cadet.cli.internal.config.Durations;
import picocli.CommandLine;

import java.time.Duration;

/** Reads durations the way analysts write them ({@code 90s}, {@code 30m}, {@code 1h}, {@code 2d}) or as ISO-8601. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d = Durations.parse(value);
        if (d == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: expected e.g. 90s, 30m, 1h, 2d or PT1H");
        }
        return d;
    }
}
