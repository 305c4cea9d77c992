package dev.cadet.parsers.internal;

import tools.jackson.core.JsonParser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A string value copied out of the parser into a buffer that is reused record after record, for values that
 * are read as characters (a timestamp parsed in place) and needed as a {@code String} only now and then (an
 * error message, a synthetic id). One per reader; not thread-safe.
 */
public final class CharSlice implements CharSequence {

    private char[] chars = new char[32];
    /** ASCII bytes copied as they are: a byte cursor's values, made strings without widening them to chars. */
    private byte[] ascii = new byte[32];
    private boolean isAscii;
    private int length;
    private String string;

    /** Copies the current string token of {@code p}. */
    public CharSlice set(JsonParser p) {
        char[] from = p.getStringCharacters();
        int n = p.getStringLength();
        if (n > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(n, chars.length * 2));
        }
        System.arraycopy(from, p.getStringOffset(), chars, 0, n);
        isAscii = false;
        length = n;
        string = null;
        return this;
    }

    /** Copies ASCII bytes. */
    public CharSlice setAscii(byte[] from, int offset, int n) {
        if (n > ascii.length) {
            ascii = Arrays.copyOf(ascii, Math.max(n, ascii.length * 2));
        }
        System.arraycopy(from, offset, ascii, 0, n);
        isAscii = true;
        length = n;
        string = null;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return isAscii ? (char) ascii[index] : chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    /** The characters as a string, made once per value. */
    @Override
    public String toString() {
        if (string == null) {
            string = isAscii ? new String(ascii, 0, length, StandardCharsets.ISO_8859_1) : new String(chars, 0, length);
        }
        return string;
    }
}
