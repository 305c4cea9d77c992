package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.History;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
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

    /** Every event kind, for {@link #AbstractDetector(String, int)}. */
    protected static final int ALL_KINDS = (1 << EventKind.values().length) - 1;
    /** Command executions and interactive sessions: the kinds that run code on a machine. */
    protected static final int ON_MACHINE = kinds(EventKind.COMMAND_EXECUTION, EventKind.INTERACTIVE_SESSION);

    private final String id;
    /**
     * The kinds of event {@link #handle} can act on, as a set of ordinal bits: an event of another kind
     * changes nothing there, so it is not handed over. Most events are of kinds most detectors ignore,
     * and the check costs less than the call.
     */
    private final int kinds;
    private long watermark = Long.MIN_VALUE;
    private long lastEventTime = Long.MIN_VALUE;
    /** Events this detector looked at and kept in state or used. */
    protected long matched;
    protected long late;
    protected long findings;
    /** State entries dropped because the watermark made them useless. */
    protected long evictions;

    /** A detector that looks at every kind of event. */
    protected AbstractDetector(String id) {
        this(id, ALL_KINDS);
    }

    /** A detector whose {@link #handle} does nothing with events whose kind is not in {@code kinds}. */
    protected AbstractDetector(String id, int kinds) {
        this.id = id;
        this.kinds = kinds;
    }

    /**
     * {@code kinds} for a detector that feeds {@code history}: every kind while it learns, since it learns
     * from events of every kind (and from the first event, whatever its kind, knows when learning ends).
     */
    protected static int observing(History history, int kinds) {
        return history.mode() == History.Mode.LEARNING ? ALL_KINDS : kinds;
    }

    /** The set of ordinal bits of {@code kinds}. */
    protected static int kinds(EventKind... kinds) {
        int set = 0;
        for (EventKind k : kinds) {
            set |= 1 << k.ordinal();
        }
        return set;
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
        if (handles(event.kind())) {
            handle(event, out);
        }
    }

    /** Whether {@link #handle} acts on events of this kind; the same for the detector's life. */
    public final boolean handles(EventKind kind) {
        return (kinds & 1 << kind.ordinal()) != 0;
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
