package dev.cadet.parsers.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.Arrays;

/**
 * One shared instance per distinct value for the strings that repeat record after record (principals,
 * addresses, user agents, regions, operation names), looked up by the parser's own characters so that a
 * repeat costs neither a {@code String} nor a second pass to hash it. Values that are unique per record
 * (event ids, messages) should be read with {@link JsonFields#text} instead: here they would only push
 * out the values that do repeat.
 *
 * <p>A bounded cache, not a set: two entries per bucket, the older one replaced on a miss, so memory stays
 * fixed however many distinct values a scan sees. A value that was pushed out is simply built again. One
 * table per thread ({@link #forThisThread()}): the records one parser thread reads share it across files.
 */
public final class StringTable {

    /** Longer values are rare repeats (scripts, messages) and not worth a slot. */
    static final int MAX_CHARS = 256;
    private static final int BUCKET_BITS = 14;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    private static final ThreadLocal<StringTable> PER_THREAD = ThreadLocal.withInitial(StringTable::new);

    /** Slot {@code 2b} is the newer entry of bucket {@code b}, {@code 2b + 1} the older. */
    private final String[] strings = new String[BUCKETS * 2];
    private final char[][] keys = new char[BUCKETS * 2][];
    private final int[] hashes = new int[BUCKETS * 2];

    StringTable() {
    }

    /** The table of the calling thread; use it on that thread only. */
    public static StringTable forThisThread() {
        return PER_THREAD.get();
    }

    /**
     * A scalar as text, like {@link JsonFields#text}, but a string value comes from the table: {@code null}
     * for null, empty strings, objects and arrays (which are consumed).
     */
    public String text(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_STRING) {
            return JsonFields.text(p, t);
        }
        char[] chars = p.getStringCharacters();
        int length = p.getStringLength();
        return length == 0 ? null : get(chars, p.getStringOffset(), length);
    }

    /** The shared string with these characters. */
    public String get(char[] chars, int offset, int length) {
        if (length > MAX_CHARS) {
            return new String(chars, offset, length);
        }
        int h = hash(chars, offset, length);
        int slot = slot(h);
        if (matches(slot, h, chars, offset, length)) {
            return strings[slot];
        }
        if (matches(slot + 1, h, chars, offset, length)) {
            return strings[slot + 1];
        }
        String s = new String(chars, offset, length);
        put(slot, h, s, Arrays.copyOfRange(chars, offset, offset + length));
        return s;
    }

    /** The shared instance equal to {@code s} ({@code s} itself the first time), or {@code null} for {@code null}. */
    public String intern(String s) {
        if (s == null || s.length() > MAX_CHARS) {
            return s;
        }
        // The same polynomial as hash(), and cached in the string: a shared value is hashed once.
        int h = s.hashCode();
        int slot = slot(h);
        for (int i = slot; i < slot + 2; i++) {
            String known = strings[i];
            if (known == s || (known != null && hashes[i] == h && known.equals(s))) {
                return known;
            }
        }
        put(slot, h, s, s.toCharArray());
        return s;
    }

    /**
     * {@link String#hashCode()} of these characters, four at a time: one multiplication per four characters
     * in the dependency chain instead of one per character.
     */
    private static int hash(char[] c, int offset, int length) {
        int h = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 3 < end; i += 4) {
            h = 923_521 * h + 29_791 * c[i] + 961 * c[i + 1] + 31 * c[i + 2] + c[i + 3];
        }
        for (; i < end; i++) {
            h = 31 * h + c[i];
        }
        return h;
    }

    private boolean matches(int slot, int h, char[] chars, int offset, int length) {
        char[] key = keys[slot];
        return key != null && hashes[slot] == h && key.length == length
                && Arrays.equals(key, 0, length, chars, offset, offset + length);
    }

    private void put(int slot, int h, String s, char[] key) {
        strings[slot + 1] = strings[slot];
        keys[slot + 1] = keys[slot];
        hashes[slot + 1] = hashes[slot];
        strings[slot] = s;
        keys[slot] = key;
        hashes[slot] = h;
    }

    private static int slot(int h) {
        return ((h * 0x9E3779B9) >>> (32 - BUCKET_BITS)) << 1;
    }
}
