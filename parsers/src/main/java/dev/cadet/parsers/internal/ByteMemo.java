package dev.cadet.parsers.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What was made from some bytes of the input, found again by those bytes: a repeat costs a hash and a
 * comparison instead of decoding. The {@link ByteCursor}'s table of repeating strings, and readers' tables of
 * repeating subtrees (a CloudTrail {@code userIdentity}), are such memos.
 *
 * <p>A bounded cache, like {@link StringTable}: two entries per bucket, the older replaced on a miss, so memory
 * stays fixed however many distinct values a scan sees. Not thread-safe: one per thread.
 */
public final class ByteMemo<T> {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int bucketBits;
    private final int maxKeyBytes;
    private final Object[] values;
    private final byte[][] keys;
    private final int[] hashes;

    /** How many first bytes find a key by where it starts ({@link #startingAt}); shorter keys are not found so. */
    static final int START_BYTES = 64;

    /** Keys also kept by their first {@link #START_BYTES} bytes, with their values; {@code null} unless asked for. */
    private final byte[][] startKeys;
    private final Object[] startValues;

    /** {@code 2 << bucketBits} entries, for keys of at most {@code maxKeyBytes}; longer keys are never kept. */
    public ByteMemo(int bucketBits, int maxKeyBytes) {
        this(bucketBits, maxKeyBytes, false);
    }

    /**
     * @param byStart also keep keys by their first bytes, for {@link #startingAt}: a reader can then recognise
     *                a repeated object from where it starts, before it has walked the object to find its end
     */
    public ByteMemo(int bucketBits, int maxKeyBytes, boolean byStart) {
        this.bucketBits = bucketBits;
        this.maxKeyBytes = maxKeyBytes;
        values = new Object[2 << bucketBits];
        keys = new byte[2 << bucketBits][];
        hashes = new int[2 << bucketBits];
        startKeys = byStart ? new byte[1 << bucketBits][] : null;
        startValues = byStart ? new Object[1 << bucketBits] : null;
    }

    /**
     * The slot of a key kept by its start that {@code bytes[offset, offset + available)} begins with, or -1:
     * the key whose first {@link #START_BYTES} bytes are there, compared in full. One key per start is kept,
     * the latest.
     */
    public int startingAt(byte[] bytes, int offset, int available) {
        if (startKeys == null || available < START_BYTES) {
            return -1;
        }
        int slot = startSlot(bytes, offset);
        byte[] key = startKeys[slot];
        if (key == null || key.length > available
                || !Arrays.equals(key, 0, key.length, bytes, offset, offset + key.length)) {
            return -1;
        }
        return slot;
    }

    /** The length of the key at a slot {@link #startingAt} found. */
    public int startLength(int slot) {
        return startKeys[slot].length;
    }

    /** The value of the key at a slot {@link #startingAt} found. */
    @SuppressWarnings("unchecked")
    public T startValue(int slot) {
        return (T) startValues[slot];
    }

    private int startSlot(byte[] bytes, int offset) {
        return (hash(bytes, offset, START_BYTES) * 0x9E3779B9) >>> (32 - bucketBits);
    }

    /** The value kept for these bytes, or {@code null}. */
    @SuppressWarnings("unchecked")
    public T get(byte[] bytes, int offset, int length) {
        if (length > maxKeyBytes) {
            return null;
        }
        int h = hash(bytes, offset, length);
        int slot = slot(h);
        if (matches(slot, h, bytes, offset, length)) {
            return (T) values[slot];
        }
        if (matches(slot + 1, h, bytes, offset, length)) {
            return (T) values[slot + 1];
        }
        return null;
    }

    /** Keeps {@code value} for these bytes, pushing out the older entry of their bucket. */
    public void put(byte[] bytes, int offset, int length, T value) {
        put(bytes, offset, length, value, false);
    }

    /**
     * Keeps {@code value} for these bytes, and when {@code byStart} (and this memo keeps keys so) also by their
     * first bytes, for {@link #startingAt}.
     */
    public void put(byte[] bytes, int offset, int length, T value, boolean byStart) {
        if (length > maxKeyBytes) {
            return;
        }
        int h = hash(bytes, offset, length);
        int slot = slot(h);
        values[slot + 1] = values[slot];
        keys[slot + 1] = keys[slot];
        hashes[slot + 1] = hashes[slot];
        values[slot] = value;
        keys[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
        hashes[slot] = h;
        if (byStart && startKeys != null && length >= START_BYTES) {
            int start = startSlot(bytes, offset);
            startKeys[start] = keys[slot];
            startValues[start] = value;
        }
    }

    private boolean matches(int slot, int h, byte[] bytes, int offset, int length) {
        byte[] key = keys[slot];
        return hashes[slot] == h && key != null && key.length == length
                && Arrays.equals(key, 0, length, bytes, offset, offset + length);
    }

    private int slot(int h) {
        return ((h * 0x9E3779B9) >>> (32 - bucketBits)) << 1;
    }

    /** Sixteen bytes per step in two independent chains, so that long keys (whole objects) hash quickly. */
    private static int hash(byte[] b, int offset, int length) {
        long h = length;
        long g = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 15 < end; i += 16) {
            h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
            g = (g ^ (long) LONGS.get(b, i + 8)) * 0xC2B2AE3D27D4EB4FL;
        }
        for (; i < end; i++) {
            h = (h ^ b[i]) * 0x100000001B3L;
        }
        h ^= g;
        return (int) (h ^ (h >>> 32));
    }
}
