package dev.cadet.model;

import java.util.Objects;

/**
 * An input record that could not become an event: kept with its reason, never dropped silently.
 *
 * @param origin  where the record is
 * @param reason  what was wrong and what was expected, for example {@code missing required field 'eventTime'}
 * @param excerpt the start of the raw record (capped), or {@code null} when it could not be read
 */
public record Reject(Origin origin, String reason, String excerpt) {

    public Reject {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
    }
}
