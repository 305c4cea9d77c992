package dev.cadet.detectors.internal;

import java.io.Serializable;
import java.util.function.IntConsumer;

/**
 * A FIFO of (event time, key id) pairs added in non-decreasing time, so that eviction by watermark
 * visits only keys that hold something old instead of scanning every key. An entry may outlive the
 * state it points to (the key was reset or its id reused); the callback must treat the visit as
 * "evict whatever this key holds below the bound", which is always safe.
 */
public final class ExpiryQueue implements Serializable {

    /** What to do with a key whose entry expired; serializable so that detector state holding one can be snapshotted. */
    @FunctionalInterface
    public interface OnExpired extends IntConsumer, Serializable {
    }


    private long[] times = new long[16];
    private int[] keys = new int[16];
    private int head;
    private int size;

    public void add(long time, int key) {
        if (size > 0 && time < times[(head + size - 1) & (times.length - 1)]) {
            throw new IllegalArgumentException("expiry entries must be added in time order: " + time);
        }
        if (size == times.length) {
            grow();
        }
        int i = (head + size) & (times.length - 1);
        times[i] = time;
        keys[i] = key;
        size++;
    }

    /** Removes every entry with {@code time < bound}, handing its key to {@code action}; returns how many. */
    public int pollBefore(long bound, IntConsumer action) {
        int polled = 0;
        while (size > 0 && times[head] < bound) {
            int key = keys[head];
            head = (head + 1) & (times.length - 1);
            size--;
            polled++;
            action.accept(key);
        }
        return polled;
    }

    public int size() {
        return size;
    }

    public void clear() {
        head = 0;
        size = 0;
    }

    private void grow() {
        // Capacity stays a power of two so that indices wrap with a mask.
        long[] t = new long[times.length * 2];
        int[] k = new int[keys.length * 2];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (times.length - 1);
            t[i] = times[from];
            k[i] = keys[from];
        }
        times = t;
        keys = k;
        head = 0;
    }

    @Override
    public String toString() {
        return "ExpiryQueue[size=" + size + "]";
    }
}
