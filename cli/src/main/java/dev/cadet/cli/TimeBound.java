package dev.cadet.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One end of a {@code --from}/{@code --to} range: an instant, or a duration before the newest event in
 * the input ({@code 7d} means seven days before the newest event, not before now: a scan of last
 * month's logs must give the same answer today and next year).
 *
 * @param instant  the absolute bound, or {@code null} when relative
 * @param before   how long before the newest event, or {@code null} when absolute
 * @param text     what the user wrote, for messages
 */
record TimeBound(Instant instant, Duration before, String text) {

    /** The bound in epoch millis, given the newest event time of the input. */
    long resolve(long newestEvent) {
        return instant != null ? instant.toEpochMilli() : newestEvent - before.toMillis();
    }

    boolean relative() {
        return before != null;
    }

    /**
     * Reads {@code 2024-05-01T10:00:00Z}, {@code 2024-05-01T12:00:00+02:00}, {@code 2024-05-01T10:00}
     * and {@code 2024-05-01} (both UTC), or a duration such as {@code 7d}, {@code 12h}, {@code 30m} or
     * {@code P7D}.
     */
    static final class Converter implements CommandLine.ITypeConverter<TimeBound> {
        @Override
        public TimeBound convert(String value) {
            String v = value.strip();
            try {
                if (v.length() >= 10 && Character.isDigit(v.charAt(0)) && v.charAt(4) == '-') {
                    return new TimeBound(instant(v), null, value);
                }
                Duration d = new DurationConverter().convert(v);
                if (d.isNegative() || d.isZero()) {
                    throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
                }
                return new TimeBound(null, d, value);
            } catch (DateTimeParseException | CommandLine.TypeConversionException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a time: expected an ISO "
                        + "instant (2024-05-01T10:00:00Z), a date (2024-05-01, UTC) or a time before the newest "
                        + "event (7d, 12h, 30m)");
            }
        }

        private static Instant instant(String v) {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (v.endsWith("Z") || v.endsWith("z")) {
                return Instant.parse(v.substring(0, v.length() - 1) + "Z");
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
        }
    }
}
