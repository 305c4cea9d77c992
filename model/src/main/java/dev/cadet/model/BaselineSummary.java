package dev.cadet.model;

import java.util.Objects;

/**
 * What the novelty detectors (rare commands, unknown sources, spikes against a principal's own rate)
 * compared the scanned events with, so that a report can say how far "new" and "unusual" can be trusted.
 *
 * @param origin      where the history came from
 * @param source      the baseline file as given, or {@code null} unless {@code origin} is {@link Origin#STORED}
 * @param from        start of the period the history covers, epoch millis (inclusive), or 0 for {@link Origin#NONE}
 * @param until       end of that period, epoch millis (exclusive), or 0 for {@link Origin#NONE}
 * @param principals  principals with a history
 * @param description one sentence for the report
 */
public record BaselineSummary(Origin origin, String source, long from, long until, long principals,
                              String description) {

    /** Where a scan's history came from. */
    public enum Origin {
        /** A baseline file learned earlier from other logs ({@code cadet baseline learn}). */
        STORED,
        /** The first part of the scanned logs themselves; events in that part are not judged for novelty. */
        LEARNED_FROM_SCAN,
        /** No history: the novelty detectors did not run. */
        NONE
    }

    public BaselineSummary {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(description, "description");
    }
}
