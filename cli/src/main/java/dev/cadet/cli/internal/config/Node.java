package dev.cadet.cli.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a configuration file with where it stands, so that every complaint can name the key path
 * and the line: a scalar (text), a mapping (keys in file order) or a sequence.
 */
public final class Node {

    /** What kind of value. */
    public enum Kind { SCALAR, MAP, LIST }

    private final Kind kind;
    private final String path;
    private final String text;
    private final Map<String, Node> entries;
    private final List<Node> items;
    private final int line;
    private final int column;

    private Node(Kind kind, String path, String text, Map<String, Node> entries, List<Node> items, int line, int column) {
        this.kind = kind;
        this.path = path;
        this.text = text;
        this.entries = entries;
        this.items = items;
        this.line = line;
        this.column = column;
    }

    static Node scalar(String path, String text, int line, int column) {
        return new Node(Kind.SCALAR, path, text, null, null, line, column);
    }

    static Node map(String path, int line, int column) {
        return new Node(Kind.MAP, path, null, new LinkedHashMap<>(), null, line, column);
    }

    static Node list(String path, int line, int column) {
        return new Node(Kind.LIST, path, null, null, new ArrayList<>(), line, column);
    }

    public Kind kind() {
        return kind;
    }

    /** The key path, for example {@code detectors.command-spike.ratio} or {@code approved.sources[2]}. */
    public String path() {
        return path;
    }

    /** The scalar's text; {@code null} for YAML null, and for mappings and sequences. */
    public String text() {
        return text;
    }

    public Map<String, Node> entries() {
        return entries == null ? Map.of() : Collections.unmodifiableMap(entries);
    }

    public List<Node> items() {
        return items == null ? List.of() : Collections.unmodifiableList(items);
    }

    void put(String key, Node value) {
        entries.put(key, value);
    }

    void add(Node value) {
        items.add(value);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What the value is, for a message: {@code 'abc'}, {@code a mapping}, {@code a list}, {@code null}. */
    public String shown() {
        return switch (kind) {
            case SCALAR -> text == null ? "null" : "'" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "'";
            case MAP -> "a mapping";
            case LIST -> "a list";
        };
    }
}
