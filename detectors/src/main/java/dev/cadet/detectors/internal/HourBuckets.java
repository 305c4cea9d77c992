package dev.cadet.detectors.internal;

import java.io.Serializable;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * Per-key state in fixed half-open time buckets {@code [start, start + size)}, emitted once the
 * watermark reaches the bucket's end. Keys are interned ids; buckets are emitted in (start, key) order
 * so that a detector's output order depends only on its input.
 *
 * @param <B> the bucket state
 */
public final class HourBuckets<B> implements Serializable {

    /** Receives a completed bucket. */
    @FunctionalInterface
    public interface Sink<B> {
        void accept(long start, int key, B bucket);
    }

    private final long size;
    private final LongObjectHashMap<IntObjectHashMap<B>> byStart = new LongObjectHashMap<>();
    private long minStart = Long.MAX_VALUE;
    private int open;

    public HourBuckets(long sizeMillis) {
        if (sizeMillis <= 0) {
            throw new IllegalArgumentException("bucket size must be > 0, was " + sizeMillis);
        }
        this.size = sizeMillis;
    }

    /** Start of the bucket holding {@code time}; floor division keeps times before 1970 in the right bucket. */
    public long startOf(long time) {
        return Math.floorDiv(time, size) * size;
    }

    /** The bucket of {@code key} starting at {@code start}, or {@code null}. */
    public B get(long start, int key) {
        IntObjectHashMap<B> keys = byStart.get(start);
        return keys == null ? null : keys.get(key);
    }

    public void put(long start, int key, B bucket) {
        IntObjectHashMap<B> keys = byStart.getIfAbsentPut(start, IntObjectHashMap::new);
        if (keys.put(key, bucket) == null) {
            open++;
        }
        minStart = Math.min(minStart, start);
    }

    /** True when {@link #emitComplete} would emit something, so that callers can skip building a sink. */
    public boolean hasComplete(long watermark) {
        return open > 0 && minStart <= Times.minus(watermark, size);
    }

    /**
     * Emits and removes every bucket whose end is at or below the watermark: the watermark promises no
     * event with {@code time < watermark}, and the bucket holds times {@code < start + size}.
     * Returns how many buckets were emitted.
     */
    public int emitComplete(long watermark, Sink<B> sink) {
        int emitted = 0;
        // Compare start with watermark - size rather than start + size with the watermark: no overflow at either end.
        long lastComplete = Times.minus(watermark, size);
        while (open > 0 && minStart <= lastComplete) {
            emitted += emitStart(minStart, sink);
        }
        return emitted;
    }

    /** Emits and removes every bucket, oldest first. */
    public int emitAll(Sink<B> sink) {
        int emitted = 0;
        while (open > 0) {
            emitted += emitStart(minStart, sink);
        }
        return emitted;
    }

    /** Buckets open now. */
    public int open() {
        return open;
    }

    private int emitStart(long start, Sink<B> sink) {
        IntObjectHashMap<B> keys = byStart.removeKey(start);
        minStart = byStart.isEmpty() ? Long.MAX_VALUE : byStart.keySet().min();
        if (keys == null) {
            return 0;
        }
        int[] ids = keys.keySet().toSortedArray();
        open -= ids.length;
        for (int id : ids) {
            sink.accept(start, id, keys.get(id));
        }
        return ids.length;
    }
}
