package dev.cadet.detectors;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A stateful detector driven by event time. Framework-free, so that the same class can be hosted in
 * {@link Pipeline} or in a stream processor's keyed state.
 *
 * <p>Contract: {@link #onEvent} receives events in non-decreasing event time.
 * {@link #onWatermark onWatermark(w)} promises that no event with {@code time < w} will follow
 * (an event at exactly {@code w} still may), so a half-open window {@code [start, end)} is complete
 * once {@code end <= w}. Watermarks never move back. {@link #onEnd} flushes whatever is still open.
 * Findings are handed to the consumer without an id; the pipeline numbers them.
 *
 * <p>Instances are single-threaded and belong to one scan.
 */
public interface Detector {

    /** Stable id, for example {@code failed-then-success}. */
    String id();

    /** One event, in event-time order. */
    void onEvent(CloudEvent event, Consumer<Finding> out);

    /**
     * Whether events of this kind can change anything here; a host may leave the others out of
     * {@link #onEvent} (most events are reads that most detectors ignore). The answer must stay the same for
     * the detector's life. Every kind unless a detector says otherwise.
     */
    default boolean handles(EventKind kind) {
        return true;
    }

    /** Event time up to (excluding) {@code watermarkMillis} is complete: emit what is complete, evict what is no longer needed. */
    void onWatermark(long watermarkMillis, Consumer<Finding> out);

    /** End of input: emit everything still open and drop all state. */
    void onEnd(Consumer<Finding> out);

    /** Named counters (events, late, findings, evictions, keys live), for the scan's accounting. */
    Map<String, Long> counters();
}
