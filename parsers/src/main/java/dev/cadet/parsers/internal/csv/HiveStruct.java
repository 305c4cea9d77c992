package dev.cadet.parsers.internal.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The text Athena and CloudTrail Lake write for a struct column:
 * {@code {type=IAMUser, principalid=AIDA..., sessioncontext={attributes={mfaauthenticated=false}}}}. Keys come in
 * lower case; {@code null} values are left out. A value runs to the next {@code ", key="} or closing brace at its
 * own depth, so values with commas inside (a user agent) survive unless a comma is followed by {@code word=}.
 */
final class HiveStruct {

    private final String s;
    private final UnaryOperator<String> keys;
    private int i;

    private HiveStruct(String s, UnaryOperator<String> keys) {
        this.s = s;
        this.keys = keys;
    }

    /**
     * The struct as nested maps (values are strings, maps or lists), keys renamed by {@code keys}; {@code null}
     * when the text is not such a struct.
     */
    static Map<String, Object> parse(String text, UnaryOperator<String> keys) {
        HiveStruct p = new HiveStruct(text.strip(), keys);
        if (p.s.isEmpty() || p.s.charAt(0) != '{') {
            return null;
        }
        try {
            Map<String, Object> map = p.struct();
            return p.i == p.s.length() ? map : null;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return null;
        }
    }

    private Map<String, Object> struct() {
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpaces();
        if (peek() == '}') {
            i++;
            return map;
        }
        while (true) {
            skipSpaces();
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("no '=' after a key");
            }
            String key = s.substring(i, eq).strip();
            i = eq + 1;
            Object value = value('}');
            if (value != null && !key.isEmpty()) {
                map.put(keys.apply(key), value);
            }
            skipSpaces();
            char c = s.charAt(i++);
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        expect('[');
        List<Object> list = new ArrayList<>();
        skipSpaces();
        if (peek() == ']') {
            i++;
            return list;
        }
        while (true) {
            Object value = value(']');
            if (value != null) {
                list.add(value);
            }
            skipSpaces();
            char c = s.charAt(i++);
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected ',' or ']'");
            }
        }
    }

    /** A struct, an array, or text up to the next separator at this depth; {@code null} for "null" or nothing. */
    private Object value(char close) {
        skipSpaces();
        char c = peek();
        if (c == '{') {
            return struct();
        }
        if (c == '[') {
            return array();
        }
        int start = i;
        while (i < s.length() && s.charAt(i) != close && !(s.charAt(i) == ',' && nextIsKey(i + 1, close))) {
            i++;
        }
        String text = s.substring(start, i).strip();
        return text.isEmpty() || text.equals("null") ? null : text;
    }

    /** Whether the text after a comma starts a new {@code key=} (inside a struct) or a new item (inside an array). */
    private boolean nextIsKey(int from, char close) {
        if (close == ']') {
            return true;
        }
        int j = from;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        int start = j;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j > start && j < s.length() && s.charAt(j) == '=';
    }

    private void expect(char c) {
        if (s.charAt(i++) != c) {
            throw new IllegalArgumentException("expected '" + c + "'");
        }
    }

    private char peek() {
        return s.charAt(i);
    }

    private void skipSpaces() {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
    }
}
