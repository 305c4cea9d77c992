package dev.cadet.detectors.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * A set of event ids by open addressing: each id sits in an array slot beside its hash, so that adding,
 * finding and removing cost a probe along two arrays and no bucket object per id (the duplicate check sees
 * every event, and forgets every id again once it is older than the lateness). Linear probing; removal
 * shifts the ids after it back, so no tombstones build up. Half full at most.
 */
final class IdSet implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private transient String[] ids;
    private transient int[] hashes;
    private transient int size;

    IdSet() {
        allocate(4);
    }

    /** Adds the id; false when it was already there. */
    boolean add(String id) {
        int h = hash(id);
        int mask = ids.length - 1;
        int i = h & mask;
        for (String at; (at = ids[i]) != null; i = (i + 1) & mask) {
            if (hashes[i] == h && at.equals(id)) {
                return false;
            }
        }
        ids[i] = id;
        hashes[i] = h;
        if (++size * 2 > ids.length) {
            rehash(ids.length * 2);
        }
        return true;
    }

    boolean contains(String id) {
        return slotOf(id, hash(id)) >= 0;
    }

    /**
     * Removes the id, if it is there, whose {@code String.hashCode} is {@code hashCode}; the instance that
     * was added is found by reference, without reading its characters.
     */
    void remove(String id, int hashCode) {
        int i = slotOf(id, spread(hashCode));
        if (i < 0) {
            return;
        }
        int mask = ids.length - 1;
        // Shift back every following id of the run that may sit in the freed slot.
        for (int j = (i + 1) & mask; ids[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (movable) {
                ids[i] = ids[j];
                hashes[i] = hashes[j];
                i = j;
            }
        }
        ids[i] = null;
        size--;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    private int slotOf(String id, int h) {
        int mask = ids.length - 1;
        for (int i = h & mask; ids[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && (ids[i] == id || ids[i].equals(id))) {
                return i;
            }
        }
        return -1;
    }

    private void rehash(int capacity) {
        String[] oldIds = ids;
        allocate(capacity);
        for (String id : oldIds) {
            if (id != null) {
                add(id);
            }
        }
    }

    private void allocate(int capacity) {
        ids = new String[capacity];
        hashes = new int[capacity];
        size = 0;
    }

    /** {@code String.hashCode}, spread so that ids differing in their last characters land apart. */
    private static int hash(String id) {
        return spread(id.hashCode());
    }

    private static int spread(int hashCode) {
        int h = hashCode * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The ids only: a snapshot of a partition should not carry the empty half of the table. */
    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(size);
        for (String id : ids) {
            if (id != null) {
                out.writeObject(id);
            }
        }
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        int capacity = 4;
        while (capacity < 2 * n + 2) {
            capacity *= 2;
        }
        allocate(capacity);
        for (int k = 0; k < n; k++) {
            add((String) in.readObject());
        }
    }
}
