package dev.cadet.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the event-time pipeline did with the events it was given.
 *
 * @param eventsIn       events pushed into the pipeline
 * @param duplicates     events dropped because an event with the same provider and id was already seen
 * @param late           events older than the watermark (beyond the allowed lateness), counted and not analysed
 * @param detectorCounts per detector: named counters (evictions, late events), sorted by name
 * @param lateEvents     where the late events are, in arrival order: all of them, or the first
 *                       {@link #LATE_EVENTS_LISTED} when there are more ({@code late} has the count)
 * @param baseline       what the novelty detectors compared events with, or {@code null} when not recorded
 */
public record PipelineCounters(long eventsIn, long duplicates, long late, Map<String, Map<String, Long>> detectorCounts,
                               List<Origin> lateEvents, BaselineSummary baseline) {

    /** The most late events listed by location; the count is always exact. */
    public static final int LATE_EVENTS_LISTED = 1_000;

    public PipelineCounters {
        TreeMap<String, Map<String, Long>> copy = new TreeMap<>();
        detectorCounts.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        detectorCounts = Collections.unmodifiableMap(copy);
        lateEvents = lateEvents == null ? List.of() : List.copyOf(lateEvents);
    }

    /** Counters without the locations of late events or a record of the baseline. */
    public PipelineCounters(long eventsIn, long duplicates, long late, Map<String, Map<String, Long>> detectorCounts) {
        this(eventsIn, duplicates, late, detectorCounts, List.of(), null);
    }

    /** Events that reached the detectors. */
    public long analysed() {
        return eventsIn - duplicates - late;
    }
}
