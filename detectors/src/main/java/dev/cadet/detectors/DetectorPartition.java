package dev.cadet.detectors;

import dev.cadet.detectors.internal.DedupIndex;
import dev.cadet.detectors.internal.ReorderBuffer;
import dev.cadet.detectors.internal.Times;
import dev.cadet.detectors.internal.detect.AbstractDetector;
import dev.cadet.detectors.internal.detect.Partitioning;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The detectors' state for one key of a {@link KeyedDetection}: the key's events waiting for the
 * watermark, the event ids seen within the lateness, and the detectors that hold something for the key.
 * It works as {@link Pipeline} does for all keys: an event pushed with a time below the watermark is
 * late and not analysed, a repeated event id is dropped, and events reach the detectors in
 * (time, provider, event id) order once the watermark has passed them. Detectors are made when the key
 * first has an event for them and dropped when they hold nothing, so an idle key costs nothing.
 *
 * <p>Single-threaded. Serializable through {@link KeyedDetection#snapshot}, which leaves out the
 * configuration the detectors share.
 */
public final class DetectorPartition implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How often, in event time, a partition holding state wants the watermark: evictions and closed hours. */
    static final long TICK = 60_000L;

    private final String key;
    /** The key without its kind: what the detectors of this key are about. */
    private final String value;
    private final AbstractDetector[] detectors;
    private final ReorderBuffer buffer = new ReorderBuffer();
    private final DedupIndex dedup = new DedupIndex();
    private long watermark = Long.MIN_VALUE;
    private long late;
    private long duplicates;
    private boolean ended;
    private transient KeyedDetection host;
    private transient List<Partitioning.Slot> slots;

    DetectorPartition(String key, int slots) {
        this.key = key;
        this.value = Partitioning.valueOf(key);
        this.detectors = new AbstractDetector[slots];
    }

    void bind(KeyedDetection host) {
        this.host = host;
        this.slots = host.slots(key);
        if (slots.size() != detectors.length) {
            throw new IllegalStateException("partition " + key + " was saved with " + detectors.length
                    + " detectors, this version has " + slots.size());
        }
    }

    public String key() {
        return key;
    }

    /**
     * Adds one of this key's events, in any order.
     *
     * @param watermark the host's current watermark: no event with a smaller time is still expected
     * @return false when the event is late (its time is below the watermark) or repeats an event id
     */
    public boolean push(CloudEvent event, long watermark) {
        Objects.requireNonNull(event, "event");
        if (ended) {
            throw new IllegalStateException("partition " + key + " has ended");
        }
        GeoLocator geo = host.geo();
        CloudEvent e = geo == null ? event : Pipeline.locate(geo, event);
        if (e.time() < Math.max(watermark, this.watermark)) {
            if (dedup.contains(e)) {
                duplicates++;
            } else {
                late++;
            }
            return false;
        }
        if (!dedup.add(e)) {
            duplicates++;
            return false;
        }
        buffer.add(e);
        return true;
    }

    /**
     * Event time up to (excluding) {@code watermark} is complete: hands the events below it to the detectors
     * in order, then lets them emit what is complete and evict what is no longer needed.
     * {@link Long#MAX_VALUE} ends the input: everything still open is emitted.
     */
    public void advance(long watermark, Consumer<Finding> out) {
        Objects.requireNonNull(out, "out");
        if (watermark == Long.MAX_VALUE) {
            end(out);
            return;
        }
        if (ended || watermark <= this.watermark) {
            return;
        }
        this.watermark = watermark;
        while (!buffer.isEmpty() && buffer.peek().time() < watermark) {
            release(buffer.poll(), out);
        }
        dedup.forgetBefore(Times.minus(watermark, host.allowedLatenessMillis()));
        for (int i = 0; i < detectors.length; i++) {
            AbstractDetector d = detectors[i];
            if (d != null) {
                d.onWatermark(watermark, out);
                if (d.isIdle()) {
                    detectors[i] = null;
                }
            }
        }
    }

    private void release(CloudEvent e, Consumer<Finding> out) {
        dedup.released(e);
        boolean own = value.equals(e.principal());
        for (int i = 0; i < detectors.length; i++) {
            Partitioning.Slot slot = slots.get(i);
            if (!slot.takes(own, value, e)) {
                continue;
            }
            AbstractDetector d = detectors[i];
            if (d == null) {
                d = slot.factory().apply(value);
            }
            d.onEvent(e, out);
            // Most events leave nothing behind: keep a detector only while it holds state.
            detectors[i] = d.isIdle() ? null : d;
        }
    }

    private void end(Consumer<Finding> out) {
        if (ended) {
            return;
        }
        ended = true;
        while (!buffer.isEmpty()) {
            release(buffer.poll(), out);
        }
        for (int i = 0; i < detectors.length; i++) {
            if (detectors[i] != null) {
                detectors[i].onEnd(out);
                detectors[i] = null;
            }
        }
    }

    /** True when the partition holds nothing: no waiting event, no remembered id, no detector state. */
    public boolean isEmpty() {
        if (!buffer.isEmpty() || !dedup.isEmpty()) {
            return false;
        }
        for (AbstractDetector d : detectors) {
            if (d != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The smallest watermark at which {@link #advance} has work: just past the oldest waiting event; the
     * next tick of event time while a detector holds state (it may close an hour or evict); or when the
     * oldest remembered id may be forgotten. {@link Long#MAX_VALUE} when nothing is held.
     */
    public long nextWakeUp() {
        if (ended) {
            return Long.MAX_VALUE;
        }
        long next = buffer.isEmpty() ? Long.MAX_VALUE : Times.plus(buffer.peek().time(), 1);
        for (AbstractDetector d : detectors) {
            if (d != null) {
                next = Math.min(next, Times.plus(Math.floorDiv(watermark, TICK) * TICK, TICK));
                break;
            }
        }
        long oldest = dedup.oldestReleased();
        if (oldest != Long.MAX_VALUE) {
            // forgetBefore(w - lateness) drops ids of events older than w - lateness.
            next = Math.min(next, Times.plus(Times.plus(oldest, host.allowedLatenessMillis()), 1));
        }
        return next;
    }

    /** Events refused as late. */
    public long late() {
        return late;
    }

    /** Events dropped as repeats of an event id already seen. */
    public long duplicates() {
        return duplicates;
    }

    @Override
    public String toString() {
        return "DetectorPartition[" + key + ", " + buffer.size() + " waiting]";
    }
}
