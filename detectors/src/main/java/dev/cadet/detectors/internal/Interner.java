package dev.cadet.detectors.internal;

import java.io.Serializable;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

import java.util.Arrays;

/**
 * Maps strings (principals, addresses, access keys) to small ints so that keyed state can live in
 * primitive maps. Reference counted: every piece of state holding an id acquires it and releases it
 * when evicted, and an id whose count drops to zero is forgotten and reused, so the table stays as
 * small as the live state rather than growing with every key ever seen.
 */
public final class Interner implements Serializable {

    private final ObjectIntHashMap<String> ids = new ObjectIntHashMap<>();
    private String[] names = new String[16];
    private int[] refs = new int[16];
    private final IntArrayList free = new IntArrayList();
    private int next;

    /** The id of {@code name}, or -1 when it is not live. Does not change reference counts. */
    public int idOf(String name) {
        return ids.getIfAbsent(name, -1);
    }

    /** The id of {@code name}, interning it if needed, with its reference count raised by one. */
    public int acquire(String name) {
        int id = ids.getIfAbsent(name, -1);
        if (id < 0) {
            id = free.isEmpty() ? next++ : free.removeAtIndex(free.size() - 1);
            if (id >= names.length) {
                names = Arrays.copyOf(names, names.length * 2);
                refs = Arrays.copyOf(refs, refs.length * 2);
            }
            names[id] = name;
            ids.put(name, id);
        }
        refs[id]++;
        return id;
    }

    /** Drops one reference; the id is forgotten when none is left. */
    public void release(int id) {
        if (refs[id] <= 0) {
            throw new IllegalStateException("id " + id + " released more often than acquired");
        }
        if (--refs[id] == 0) {
            ids.removeKey(names[id]);
            names[id] = null;
            free.add(id);
        }
    }

    /** The string behind a live id. */
    public String name(int id) {
        return names[id];
    }

    /** Live ids. */
    public int size() {
        return ids.size();
    }

    public void clear() {
        ids.clear();
        Arrays.fill(names, null);
        Arrays.fill(refs, 0);
        free.clear();
        next = 0;
    }
}
