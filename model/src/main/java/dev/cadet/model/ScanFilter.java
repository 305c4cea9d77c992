package dev.cadet.model;

import java.util.List;

/**
 * Which parsed events a scan chose to analyse, when the user narrowed it (by time, principal,
 * provider or account), and how many it left out, so that a report can say what it did not look at.
 *
 * @param criteria each condition an event had to meet, in words, for example
 *                 {@code "time from 2024-05-01T00:00:00.000Z (7d before the newest event)"}; empty when
 *                 nothing was filtered
 * @param excluded events read from the logs but left out of the analysis by these criteria
 */
public record ScanFilter(List<String> criteria, long excluded) {

    /** No filter: every event was analysed. */
    public static final ScanFilter NONE = new ScanFilter(List.of(), 0);

    public ScanFilter {
        criteria = List.copyOf(criteria);
        if (excluded < 0) {
            throw new IllegalArgumentException("excluded must be >= 0, was " + excluded);
        }
    }

    /** True when the user narrowed the scan. */
    public boolean active() {
        return !criteria.isEmpty();
    }
}
