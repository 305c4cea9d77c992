package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The base of the built-in detectors: the methods of {@code dev.cadet.detectors.Detector}, which the
 * API package presents them as (so that these internals never depend on the API package), with the
 * watermark bookkeeping and the counters every detector reports. Events older than the detector's
 * watermark, or older than an event it already saw, break the {@link Detector} contract; another host
 * than {@code Pipeline} might send them. They are counted as {@code late} and ignored rather than
 * corrupting windows that were already emitted or time-ordered state.
 */
public abstract class AbstractDetector implements Serializable {

    private final String id;
    private long watermark = Long.MIN_VALUE;
    private long lastEventTime = Long.MIN_VALUE;
    /** Events this detector looked at and kept in state or used. */
    protected long matched;
    protected long late;
    protected long findings;
    /** State entries dropped because the watermark made them useless. */
    protected long evictions;

    protected AbstractDetector(String id) {
        this.id = id;
    }

    public final String id() {
        return id;
    }

    /** One event, in non-decreasing event time. */
    public final void onEvent(CloudEvent event, Consumer<Finding> out) {
        Objects.requireNonNull(event, "event");
        if (event.time() < watermark || event.time() < lastEventTime) {
            late++;
            return;
        }
        lastEventTime = event.time();
        handle(event, out);
    }

    /** No event with {@code time < watermarkMillis} will follow. */
    public final void onWatermark(long watermarkMillis, Consumer<Finding> out) {
        if (watermarkMillis <= watermark) {
            return;
        }
        watermark = watermarkMillis;
        advance(watermarkMillis, out);
    }

    /** End of input: emit what is open and drop all state. */
    public final void onEnd(Consumer<Finding> out) {
        flush(out);
    }

    /** Named counters, sorted by name. */
    public final Map<String, Long> counters() {
        Map<String, Long> c = new TreeMap<>();
        c.put("matched", matched);
        c.put("late", late);
        c.put("findings", findings);
        c.put("evictions", evictions);
        c.put("keysLive", (long) keysLive());
        extraCounters(c);
        return c;
    }

    /** The current watermark, {@link Long#MIN_VALUE} before the first. */
    protected final long watermark() {
        return watermark;
    }

    protected final void emit(Finding finding, Consumer<Finding> out) {
        findings++;
        out.accept(finding);
    }

    protected abstract void handle(CloudEvent event, Consumer<Finding> out);

    protected abstract void advance(long watermarkMillis, Consumer<Finding> out);

    protected abstract void flush(Consumer<Finding> out);

    /** Interned keys currently holding state. */
    protected abstract int keysLive();

    /** True when the detector holds no state at all, so that a host may drop it and start afresh later. */
    public boolean isIdle() {
        return keysLive() == 0;
    }

    /** Detector-specific counters. */
    protected void extraCounters(Map<String, Long> counters) {
    }
}
