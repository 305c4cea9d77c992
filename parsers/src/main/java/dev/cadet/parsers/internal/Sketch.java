package dev.cadet.parsers.internal;

import tools.jackson.core.JsonToken;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shape of the start of a JSON value, as far as the sniffed prefix shows it: for an object its
 * property names (in order) with the shape of each value, for an array the shape of its first item.
 * Filled while the prefix is read, so a prefix that ends mid-value still leaves what was seen.
 */
public final class Sketch {

    private final JsonToken token;
    private final Map<String, Sketch> fields;
    private Sketch firstItem;
    private boolean complete;

    Sketch(JsonToken token) {
        this.token = token;
        this.fields = token == JsonToken.START_OBJECT ? new LinkedHashMap<>() : Map.of();
    }

    /** The first token of the value: {@code START_OBJECT}, {@code START_ARRAY}, {@code VALUE_STRING}... */
    public JsonToken token() {
        return token;
    }

    public boolean isObject() {
        return token == JsonToken.START_OBJECT;
    }

    public boolean isArray() {
        return token == JsonToken.START_ARRAY;
    }

    public boolean isString() {
        return token == JsonToken.VALUE_STRING;
    }

    /** Property names seen, in input order. */
    public Set<String> fieldNames() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** Whether a property of this name was seen, compared without case ({@code Caller} and {@code caller}). */
    public boolean hasIgnoreCase(String name) {
        return fieldIgnoreCase(name) != null;
    }

    /** The shape of a property compared without case, or {@code null} when no such property was seen. */
    public Sketch fieldIgnoreCase(String name) {
        Sketch exact = fields.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Sketch> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The shape of a property's value, or {@code null} when the property was not seen. */
    public Sketch field(String name) {
        return fields.get(name);
    }

    /** The shape of an array's first item, or {@code null} when the array is empty or was cut off first. */
    public Sketch firstItem() {
        return firstItem;
    }

    /** True when the whole value was inside the prefix. */
    public boolean complete() {
        return complete;
    }

    /** True for an array known to have no items. */
    public boolean isEmptyArray() {
        return isArray() && complete && firstItem == null;
    }

    void put(String name, Sketch value) {
        if (fields.size() < Sniffer.MAX_FIELDS) {
            fields.put(name, value);
        }
    }

    void firstItem(Sketch item) {
        this.firstItem = item;
    }

    void complete(boolean done) {
        this.complete = done;
    }
}
