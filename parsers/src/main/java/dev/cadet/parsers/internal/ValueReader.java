package dev.cadet.parsers.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Turns one record (one JSON value) into an event. One instance per input: it may keep scratch state. */
@FunctionalInterface
public interface ValueReader {

    /**
     * Reads the value whose first token {@code first} the parser is on, leaving the parser on its last token.
     *
     * @return the event, or {@code null} when the record is skipped by rule (counted, not an event)
     * @throws RecordException when the record is bad; thrown only after the whole value was consumed
     */
    CloudEvent read(JsonParser p, JsonToken first, Origin origin);
}
