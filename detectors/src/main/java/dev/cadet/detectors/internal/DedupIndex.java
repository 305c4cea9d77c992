package dev.cadet.detectors.internal;

import java.io.Serializable;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Provider;

import java.util.EnumMap;
import java.util.Map;

/**
 * Event ids seen, per provider, to drop duplicates. Bounded: an id is forgotten once its event time is
 * below {@code watermark - allowedLateness}. A copy older than the watermark is not analysed anyway;
 * keeping ids one more lateness span lets such a copy still be counted as a duplicate rather than as
 * late, and beyond that it is counted as late.
 */
public final class DedupIndex implements Serializable {

    private final Map<Provider, IdSet> seen = new EnumMap<>(Provider.class);
    /** Released events in time order (time, provider, id in a ring), to find the ids to forget without keeping the events. */
    // Small first: a keyed host keeps one index per key, most of them holding a few ids.
    private long[] times = new long[4];
    private Provider[] providers = new Provider[4];
    private String[] ids = new String[4];
    /** The ids' hashes, so that forgetting one does not read the string again (it has long left the cache). */
    private int[] hashes = new int[4];
    private int head;
    private int size;


    /** Remembers the event's id; false when it was already known. */
    public boolean add(CloudEvent e) {
        return seen.computeIfAbsent(e.provider(), p -> new IdSet()).add(e.eventId());
    }

    public boolean contains(CloudEvent e) {
        IdSet ids = seen.get(e.provider());
        return ids != null && ids.contains(e.eventId());
    }

    /** The event left the reorder buffer; events must come in time order. */
    public void released(CloudEvent e) {
        if (size == times.length) {
            grow();
        }
        int i = (head + size++) & (times.length - 1);
        times[i] = e.time();
        providers[i] = e.provider();
        ids[i] = e.eventId();
        hashes[i] = e.eventId().hashCode();
    }

    private void grow() {
        int n = times.length;
        long[] t = new long[n * 2];
        Provider[] p = new Provider[n * 2];
        String[] d = new String[n * 2];
        int[] h = new int[n * 2];
        for (int k = 0; k < size; k++) {
            int from = (head + k) & (n - 1);
            t[k] = times[from];
            p[k] = providers[from];
            d[k] = ids[from];
            h[k] = hashes[from];
        }
        times = t;
        providers = p;
        ids = d;
        hashes = h;
        head = 0;
    }

    /** Forgets the ids of released events with {@code time < bound}; returns how many. */
    public int forgetBefore(long bound) {
        int n = 0;
        while (size > 0 && times[head] < bound) {
            seen.get(providers[head]).remove(ids[head], hashes[head]);
            providers[head] = null;
            ids[head] = null;
            head = (head + 1) & (times.length - 1);
            size--;
            n++;
        }
        return n;
    }

    /** Time of the oldest released event whose id is still remembered, {@link Long#MAX_VALUE} when none. */
    public long oldestReleased() {
        return size == 0 ? Long.MAX_VALUE : times[head];
    }

    /** True when no id is remembered: every id added was released and forgotten. */
    public boolean isEmpty() {
        return size == 0 && seen.values().stream().allMatch(IdSet::isEmpty);
    }

    /** Ids remembered now. */
    public int size() {
        int n = 0;
        for (IdSet s : seen.values()) {
            n += s.size();
        }
        return n;
    }
}
