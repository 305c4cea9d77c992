package dev.cadet.parsers.internal;

import tools.jackson.core.JsonToken;

/**
 * A scalar kept as characters while its record is read and made a {@code String} only when asked for: a
 * value needed now and then (a request id), or one best made at the end of the record, next to the event
 * that holds it (an event id, which the duplicate check reads on another thread). One per reader, reused.
 */
public final class TextLater {

    private final CharSlice chars = new CharSlice();
    private boolean isChars;
    private String text;

    /** Reads the current value: a string as characters, anything else as {@link JsonFields#text} reads it. */
    public void read(RecordCursor c, JsonToken t) {
        isChars = t == JsonToken.VALUE_STRING;
        if (isChars) {
            c.copyString(chars);
            text = null;
        } else {
            text = c.text(t);
        }
    }

    /** The value as text, {@code null} when it is missing or empty. */
    public String text() {
        if (isChars) {
            return chars.length() == 0 ? null : chars.toString();
        }
        return text;
    }

    public void reset() {
        isChars = false;
        text = null;
    }
}
