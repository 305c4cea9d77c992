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

    /** A {@link Walker} written against a {@link RecordCursor}, so that it reads held bytes too. */
    @FunctionalInterface
    public interface CursorWalker {
        void walk(RecordCursor c, JsonToken first);
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
        return member(new ParserCursor(strings == null ? StringTable.forThisThread() : strings).on(p), t, member,
                strings != null);
    }

    /**
     * The text of one member of an object (the rest skipped), or {@code null}; a value that is no object is
     * consumed. {@code shared} for a value that repeats ({@link RecordCursor#shared}).
     */
    public static String member(RecordCursor c, JsonToken t, String member, boolean shared) {
        if (!c.isObject(t)) {
            return null;
        }
        String value = null;
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            if (member.equals(name)) {
                value = shared ? c.shared(v) : c.text(v);
            } else {
                c.skipChildren();
            }
        }
        return value;
    }

    /** Walks every object item of an array (each time on its {@code START_OBJECT}); anything else is consumed. */
    public static void eachObject(JsonParser p, JsonToken t, Walker walker) {
        eachObject(ParserCursor.of(p), t, (c, item) -> walker.walk(p, item));
    }

    /** {@link #eachObject(JsonParser, JsonToken, Walker)} from a cursor. */
    public static void eachObject(RecordCursor c, JsonToken t, CursorWalker walker) {
        if (t != JsonToken.START_ARRAY) {
            c.skipChildren();
            return;
        }
        JsonToken item;
        while ((item = c.nextToken()) != JsonToken.END_ARRAY) {
            if (item == JsonToken.START_OBJECT) {
                walker.walk(c, item);
            } else {
                c.skipChildren();
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
        return valueOrText(ParserCursor.of(p), t);
    }

    /** {@link #valueOrText(JsonParser, JsonToken)} from a cursor. */
    public static String valueOrText(RecordCursor c, JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            return c.text(t);
        }
        String value = null;
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            if ("value".equals(name) || "Value".equals(name)) {
                value = c.text(v);
            } else {
                c.skipChildren();
            }
        }
        return value;
    }

    /** A string or an array of strings, added in order. */
    public static void strings(JsonParser p, JsonToken t, List<String> into) {
        strings(ParserCursor.of(p), t, into);
    }

    /** {@link #strings(JsonParser, JsonToken, List)} from a cursor. */
    public static void strings(RecordCursor c, JsonToken t, List<String> into) {
        if (t == JsonToken.START_ARRAY) {
            JsonToken e;
            while ((e = c.nextToken()) != JsonToken.END_ARRAY) {
                String s = c.text(e);
                if (s != null) {
                    into.add(s);
                }
            }
        } else {
            String s = c.text(t);
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
     * JSON is ignored: it is a detail of the record, not the record, so the record still becomes an event. JSON
     * in a string is walked through a cursor over its own parser.
     *
     * @return false when the value was a string that does not hold a JSON object or array
     */
    public static boolean walkMaybeEmbedded(RecordCursor c, JsonToken t, CursorWalker walker) {
        if (t != JsonToken.VALUE_STRING) {
            walker.walk(c, t);
            return true;
        }
        String json = c.text(t);
        return json != null && walkEmbedded(json, (p, first) -> walker.walk(ParserCursor.of(p), first));
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
