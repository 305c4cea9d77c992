package dev.cadet.parsers.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One shared instance per distinct ASCII value read from bytes, as {@link StringTable} is for characters: a
 * repeat costs neither decoding nor a {@code String}. Values of up to 16 bytes (property names, regions,
 * account ids, IPv4 addresses) are told apart by their first and last eight bytes and their length, which
 * fits in the high bits ASCII leaves free: their lookup compares two adjacent numbers in a direct-mapped
 * table (one cache line) instead of stored bytes. Longer ones go to a {@link ByteMemo}. Bounded either
 * way; not thread-safe.
 */
final class AsciiStrings {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SHORT = 16;

    /** {@code LENGTHS[n]}: the bits of {@code n} in the high bits of the first five bytes. */
    private static final long[] LENGTHS = new long[SHORT + 1];

    static {
        for (int n = 0; n <= SHORT; n++) {
            for (int bit = 0; bit < 5; bit++) {
                if ((n >> bit & 1) != 0) {
                    LENGTHS[n] |= 0x80L << (8 * bit);
                }
            }
        }
    }

    private final int shortBits;
    /** Per slot, the first eight bytes with the length in their high bits, then the last eight bytes. */
    private final long[] words;
    private final String[] shorts;
    private final ByteMemo<String> longer;
    private final boolean pooled;

    /**
     * @param pooled make each value the JVM's pooled instance ({@link String#intern()}), for property names: a
     *               {@code switch} on a name then finds its case label by reference, without comparing characters
     */
    AsciiStrings(int shortBits, int longerBucketBits, boolean pooled) {
        this.pooled = pooled;
        this.shortBits = shortBits;
        words = new long[2 << shortBits];
        shorts = new String[1 << shortBits];
        longer = new ByteMemo<>(longerBucketBits, StringTable.MAX_CHARS);
    }

    /** The shared string of {@code bytes[start, start + length)}, ASCII, with eight readable bytes from {@code start}. */
    String get(byte[] bytes, int start, int length) {
        if (length > SHORT || length == 0) {
            String s = longer.get(bytes, start, length);
            if (s == null) {
                s = make(bytes, start, length);
                longer.put(bytes, start, length, s);
            }
            return s;
        }
        long first = (long) LONGS.get(bytes, start);
        long last = 0;
        if (length < 8) {
            first &= -1L >>> (64 - 8 * length);
        } else {
            last = (long) LONGS.get(bytes, start + length - 8);
        }
        first |= LENGTHS[length];
        long h = first * 0x9E3779B97F4A7C15L ^ last * 0xC2B2AE3D27D4EB4FL;
        int slot = (int) (h >>> (64 - shortBits));
        int at = 2 * slot;
        if (words[at] == first && words[at + 1] == last) {
            return shorts[slot];
        }
        String s = make(bytes, start, length);
        words[at] = first;
        words[at + 1] = last;
        shorts[slot] = s;
        return s;
    }

    private String make(byte[] bytes, int start, int length) {
        String s = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        return pooled ? s.intern() : s;
    }
}
