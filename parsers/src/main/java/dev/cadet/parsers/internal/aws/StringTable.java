package dev.cadet.parsers.internal.aws;

import java.util.Arrays;

/**
 * One shared {@code String} per distinct value, looked up straight from the parser's character buffer so
 * that a value seen before (a principal, an address, a user agent, a region) costs no allocation and its
 * hash is computed once. Canonical strings let the mapper compare and cache by reference. Open addressing
 * over a power-of-two table; bounded, so that a file of all-different values does not grow it without end
 * (values beyond the bound are simply not shared). One instance per reader: not thread-safe.
 *
 * <p>Looking up is the parser's hottest step after tokenizing, so it is built for speed: the hash reads
 * only both ends of a value in four independent lanes (no chain of dependent multiplications over a
 * 150-character user agent), and
 * a candidate is confirmed against a kept copy of its characters with {@link Arrays#equals(char[], int,
 * int, char[], int, int)}, which the JVM compares many characters at a time.
 */
final class StringTable {

    /** Distinct values kept; beyond it values are returned unshared. */
    static final int MAX_ENTRIES = 1 << 15;
    /** Characters hashed at each end of a value. */
    static final int HASHED_END = 16;

    private String[] values = new String[512];
    private char[][] contents = new char[512][];
    private int[] hashes = new int[512];
    private int size;

    /** The shared string with the content {@code chars[offset, offset + length)}. */
    String get(char[] chars, int offset, int length) {
        int h = hash(chars, offset, length);
        int mask = values.length - 1;
        int slot = h & mask;
        char[] known;
        while ((known = contents[slot]) != null) {
            if (hashes[slot] == h && Arrays.equals(known, 0, known.length, chars, offset, offset + length)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        String s = new String(chars, offset, length);
        if (size < MAX_ENTRIES) {
            values[slot] = s;
            contents[slot] = Arrays.copyOfRange(chars, offset, offset + length);
            hashes[slot] = h;
            if (++size * 2 > values.length) {
                grow();
            }
        }
        return s;
    }

    int size() {
        return size;
    }

    /**
     * Four interleaved polynomial hashes over at most the first and the last {@value #HASHED_END} characters
     * and the length: long values differ at their ends (ARN session names, addresses, user agent versions),
     * and a collision only costs a comparison.
     */
    static int hash(char[] c, int offset, int length) {
        int end = offset + length;
        int h = hashRange(c, offset, Math.min(end, offset + HASHED_END));
        if (length > HASHED_END) {
            h = h * 0x9E3779B1 + hashRange(c, Math.max(offset + HASHED_END, end - HASHED_END), end);
        }
        h += length;
        return h ^ (h >>> 15);
    }

    private static int hashRange(char[] c, int from, int to) {
        int h0 = 0;
        int h1 = 0;
        int h2 = 0;
        int h3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            h0 = 31 * h0 + c[i];
            h1 = 31 * h1 + c[i + 1];
            h2 = 31 * h2 + c[i + 2];
            h3 = 31 * h3 + c[i + 3];
        }
        for (; i < to; i++) {
            h0 = 31 * h0 + c[i];
        }
        return ((h0 * 0x9E3779B1 + h1) * 0x9E3779B1 + h2) * 0x9E3779B1 + h3;
    }

    private void grow() {
        String[] oldValues = values;
        char[][] oldContents = contents;
        int[] oldHashes = hashes;
        values = new String[oldValues.length * 2];
        contents = new char[oldValues.length * 2][];
        hashes = new int[oldValues.length * 2];
        int mask = values.length - 1;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldContents[i] != null) {
                int slot = oldHashes[i] & mask;
                while (contents[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                values[slot] = oldValues[i];
                contents[slot] = oldContents[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }
}
