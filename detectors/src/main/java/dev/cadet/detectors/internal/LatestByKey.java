package dev.cadet.detectors.internal;

import java.io.Serializable;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;


/**
 * The latest value per key (a principal's last located event, its last anomalous sign-in), each with
 * its event time, forgotten once that time falls below an eviction bound. Keys are interned; a FIFO of
 * (time, key) lets eviction visit only keys that hold something old.
 *
 * @param <T> the value
 */
public final class LatestByKey<T> implements Serializable {

    private final Interner keys = new Interner();
    private final IntObjectHashMap<Object[]> values = new IntObjectHashMap<>();
    private final ExpiryQueue expiry = new ExpiryQueue();
    private final ExpiryQueue.OnExpired evict = this::evict;
    private long bound = Long.MIN_VALUE;
    private int evicted;

    /** The value of {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public T get(String key) {
        int id = keys.idOf(key);
        Object[] v = id < 0 ? null : values.get(id);
        return v == null ? null : (T) v[1];
    }

    /** Replaces the value of {@code key}; times must not decrease. */
    public void put(String key, long time, T value) {
        int id = keys.idOf(key);
        if (id < 0 || !values.containsKey(id)) {
            id = keys.acquire(key);
        }
        values.put(id, new Object[] {time, value});
        expiry.add(time, id);
    }

    /** Forgets every value with {@code time < bound}; returns how many. */
    public int evictBefore(long newBound) {
        bound = newBound;
        evicted = 0;
        expiry.pollBefore(newBound, evict);
        return evicted;
    }

    private void evict(int id) {
        Object[] v = values.get(id);
        if (v != null && (Long) v[0] < bound) {
            values.remove(id);
            keys.release(id);
            evicted++;
        }
    }

    public int size() {
        return keys.size();
    }

    public void clear() {
        values.clear();
        keys.clear();
        expiry.clear();
    }
}
