package dev.cadet.detectors;

import dev.cadet.detectors.internal.Glob;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An approved maintenance window: while it is open, the principals it names count as approved for the
 * commands they run, so planned work is not escalated for being unusual. Either weekly (days of the week,
 * a start time and a length, in a time zone) or once (an instant range). The window is half-open:
 * {@code [start, start + length)}.
 *
 * @param name       what the window is for, shown in reasons (for example {@code monthly patching})
 * @param principals patterns over canonical principal ids ({@code *} wildcard) the window approves
 * @param days       days of the week a weekly window opens on; empty for a one-off window
 * @param start      local start time of a weekly window, or {@code null}
 * @param length     how long a weekly window stays open, or {@code null}
 * @param zone       the time zone of a weekly window's days and start time
 * @param from       start of a one-off window, or {@code null}
 * @param until      end (exclusive) of a one-off window, or {@code null}
 */
public record MaintenanceWindow(String name, List<String> principals, Set<DayOfWeek> days, LocalTime start,
                                Duration length, ZoneId zone, Instant from, Instant until) {

    public MaintenanceWindow {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("maintenance window name must not be blank");
        }
        if (principals == null || principals.isEmpty()) {
            throw new IllegalArgumentException("maintenance window '" + name + "' must name at least one principal pattern");
        }
        principals = List.copyOf(principals);
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        zone = zone == null ? ZoneId.of("UTC") : zone;
        boolean weekly = !days.isEmpty();
        if (weekly) {
            Objects.requireNonNull(start, "start");
            if (length == null || length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("maintenance window '" + name + "' length must be > 0 and <= 7d, was "
                        + length);
            }
            if (from != null || until != null) {
                throw new IllegalArgumentException("maintenance window '" + name
                        + "' is either weekly (days, start, length) or once (from, until), not both");
            }
        } else {
            if (from == null || until == null || !until.isAfter(from)) {
                throw new IllegalArgumentException("maintenance window '" + name
                        + "' needs days, start and length, or from and until with until after from");
            }
        }
    }

    /** A window that opens every week on {@code days} at {@code start} (in {@code zone}) for {@code length}. */
    public static MaintenanceWindow weekly(String name, List<String> principals, Set<DayOfWeek> days, LocalTime start,
                                           Duration length, ZoneId zone) {
        return new MaintenanceWindow(name, principals, days, start, length, zone, null, null);
    }

    /** A window open once, over {@code [from, until)}. */
    public static MaintenanceWindow once(String name, List<String> principals, Instant from, Instant until) {
        return new MaintenanceWindow(name, principals, Set.of(), null, null, null, from, until);
    }

    /** True when the window names the principal. */
    public boolean covers(String principal) {
        return Glob.any(principals, principal);
    }

    /** True when {@code time} (epoch millis) lies inside an opening of the window. */
    public boolean isOpenAt(long time) {
        if (days.isEmpty()) {
            return time >= from.toEpochMilli() && time < until.toEpochMilli();
        }
        ZonedDateTime at = Instant.ofEpochMilli(time).atZone(zone);
        // An opening may have started up to 'length' ago: check this week's days back to then.
        for (int back = 0; back <= 7; back++) {
            ZonedDateTime day = at.toLocalDate().minusDays(back).atTime(start).atZone(zone);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            long open = day.toInstant().toEpochMilli();
            if (time >= open && time < open + length.toMillis()) {
                return true;
            }
        }
        return false;
    }
}
