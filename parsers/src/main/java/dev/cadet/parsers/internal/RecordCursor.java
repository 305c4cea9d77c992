package dev.cadet.parsers.internal;

import tools.jackson.core.JsonToken;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * One record's tokens, read once from the front, with the few things a provider reader does with them:
 * property names (canonical instances, for {@code switch}), scalars as text, and subtrees skipped or handed to
 * a {@link JsonFields.Walker}. Two implementations: {@link ParserCursor} over a Jackson parser, for every
 * input, and {@link ByteCursor} over bytes held in memory, for plain records when the whole input fits.
 */
public interface RecordCursor {

    /** The next property name of the object the cursor is in, or {@code null} at its end. */
    String nextName();

    /** The next token: a value after {@link #nextName()}, or the next item (or the end) of an array. */
    JsonToken nextToken();

    /** Consumes the rest of the object or array just started; nothing for a scalar. */
    void skipChildren();

    /** A scalar as text, from the thread's table of repeating values ({@link StringTable#text} rules). */
    String shared(JsonToken t);

    /** A scalar as text, for values unique per record ({@link JsonFields#text} rules). */
    String text(JsonToken t);

    /** Copies the characters of the current string value. */
    void copyString(CharSlice into);

    /**
     * Hands the current value to {@code walker} when it is an object with one of {@code members} (the names
     * the walker acts on); any other value is consumed. Walkers look into objects only, so that skipping
     * everything else changes nothing.
     */
    void walk(JsonToken t, Set<String> members, JsonFields.Walker walker);

    /**
     * {@code reader}'s result for the current value; for an object whose bytes were read before, possibly the
     * result kept in {@code memo} from then. Only for readers whose result depends on the value alone.
     */
    <T> T once(JsonToken t, ByteMemo<T> memo, BiFunction<RecordCursor, JsonToken, T> reader);

    /** True when on an object to walk into; anything else is consumed and ignored. */
    default boolean isObject(JsonToken t) {
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        skipChildren();
        return false;
    }
}
