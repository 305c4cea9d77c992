package dev.cadet.parsers.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picking values out of a record while walking its tokens once, shared by every provider reader: scalars as
 * text, objects to walk into, string lists, and JSON held in a string (Azure writes {@code properties} and
 * request bodies that way, Log Analytics every nested column).
 */
public final class JsonFields {

    /** Walks one JSON value whose first token the parser is on, leaving the parser on its last token. */
    @FunctionalInterface
    public interface Walker {
        void walk(JsonParser p, JsonToken first);
    }

    private static final int CASELESS_LIMIT = 4096;
    private static final Map<String, String> CASELESS = new ConcurrentHashMap<>();

    private JsonFields() {
    }

    /** True when on an object to walk into; anything else is consumed and ignored. */
    public static boolean isObject(JsonParser p, JsonToken t) {
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        p.skipChildren();
        return false;
    }

    /**
     * The verdict on a record that is not a JSON object: the value is consumed, so reading goes on with the next.
     *
     * @param expected what a record should be, for example {@code an Azure Activity Log record}
     */
    public static RecordException notAnObject(JsonParser p, JsonToken first, String expected) {
        p.skipChildren();
        return notAnObject(first, expected);
    }

    /** {@link #notAnObject(JsonParser, JsonToken, String)} for a value the caller consumed. */
    public static RecordException notAnObject(JsonToken first, String expected) {
        return new RecordException("record is not a JSON object (found " + Texts.describe(first) + "); expected "
                + expected);
    }

    /** The text of one member of an object (the rest skipped), or {@code null}; a value that is no object is consumed. */
    public static String member(JsonParser p, JsonToken t, String member) {
        return member(p, t, member, null);
    }

    /** {@link #member(JsonParser, JsonToken, String)} for a value that repeats: from {@code strings} when not null. */
    public static String member(JsonParser p, JsonToken t, String member, StringTable strings) {
        if (!isObject(p, t)) {
            return null;
        }
        String value = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if (member.equals(name)) {
                value = strings == null ? text(p, v) : strings.text(p, v);
            } else {
                p.skipChildren();
            }
        }
        return value;
    }

    /** Walks every object item of an array (each time on its {@code START_OBJECT}); anything else is consumed. */
    public static void eachObject(JsonParser p, JsonToken t, Walker walker) {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            if (item == JsonToken.START_OBJECT) {
                walker.walk(p, item);
            } else {
                p.skipChildren();
            }
        }
    }

    /** A scalar as text ({@code null} for null, empty strings, objects and arrays, which are consumed). */
    public static String text(JsonParser p, JsonToken t) {
        switch (t) {
            case VALUE_STRING -> {
                String s = p.getString();
                return s.isEmpty() ? null : s;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                return p.getString();
            }
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A string, or the {@code value} member of an object: EC2 writes {@code {"value": ...}} for attribute values,
     * the Azure REST API {@code {"value": ..., "localizedValue": ...}} for names and statuses.
     */
    public static String valueOrText(JsonParser p, JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            return text(p, t);
        }
        String value = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if ("value".equals(name) || "Value".equals(name)) {
                value = text(p, v);
            } else {
                p.skipChildren();
            }
        }
        return value;
    }

    /** A string or an array of strings, added in order. */
    public static void strings(JsonParser p, JsonToken t, List<String> into) {
        if (t == JsonToken.START_ARRAY) {
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                String s = text(p, e);
                if (s != null) {
                    into.add(s);
                }
            }
        } else {
            String s = text(p, t);
            if (s != null) {
                into.add(s);
            }
        }
    }

    /** A property name compared without case: Log Analytics writes {@code Caller} where Azure writes {@code caller}. */
    public static String caseless(String name) {
        // Parsers hand out one canonical instance per property name, so the lower-case form is looked up rather
        // than built (and hashed again by the caller's switch) for every record. Bounded: names are input.
        String lower = CASELESS.get(name);
        if (lower == null) {
            lower = name.toLowerCase(Locale.ROOT);
            if (CASELESS.size() < CASELESS_LIMIT) {
                CASELESS.put(name, lower);
            }
        }
        return lower;
    }

    /**
     * Walks a value that is either JSON or a string holding JSON (an object or an array). A string that is not
     * JSON is ignored: it is a detail of the record, not the record, so the record still becomes an event.
     *
     * @return false when the value was a string that does not hold a JSON object or array
     */
    public static boolean walkMaybeEmbedded(JsonParser p, JsonToken t, Walker walker) {
        if (t != JsonToken.VALUE_STRING) {
            walker.walk(p, t);
            return true;
        }
        return walkEmbedded(p.getString(), walker);
    }

    /** Walks JSON held in a string; false (nothing walked) when it is not a JSON object or array. */
    public static boolean walkEmbedded(String json, Walker walker) {
        String s = json.strip();
        if (s.isEmpty() || (s.charAt(0) != '{' && s.charAt(0) != '[')) {
            return false;
        }
        try (JsonParser ep = Json.parser(s)) {
            JsonToken first = ep.nextToken();
            walker.walk(ep, first);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }
}
