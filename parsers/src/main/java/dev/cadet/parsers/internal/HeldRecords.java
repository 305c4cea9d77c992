package dev.cadet.parsers.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.nio.charset.StandardCharsets;

/**
 * Records wrapped in an array member ({@code {"Records": [...]}}) of an input held in memory, read with a
 * {@link ByteCursor}. A record the cursor does not read is read again by Jackson from its first byte, with the
 * same origin, so it ends exactly as it would in a stream. Where Jackson too finds the input broken, or the
 * wrapper is not the plain one, the rest is left to the streaming reader, which then says what is wrong and
 * where, after skipping the records finished here.
 */
final class HeldRecords {

    private static final byte[] NOTHING = new byte[ByteCursor.PADDING];

    private final JsonInput.Held held;
    private final ReadSession session;
    private final CursorReader reader;
    private final int captureBytes;
    private long finished;

    private HeldRecords(JsonInput.Held held, ReadSession session, CursorReader reader, int captureBytes) {
        this.held = held;
        this.session = session;
        this.reader = reader;
        this.captureBytes = captureBytes;
    }

    /**
     * Reads what it can of the input.
     *
     * @return -1 when the whole input was read, else the number of records finished (the streaming reader
     *         skips them and goes on from there)
     */
    static long wrapped(JsonInput.Held held, ReadSession session, CursorReader reader, int captureBytes,
                        String... members) {
        ByteCursor c = ByteCursor.forThisThread().reset(held.bytes(), held.length());
        HeldRecords records = new HeldRecords(held, session, reader, captureBytes);
        try {
            return records.read(c, members) ? -1 : records.finished;
        } catch (ByteCursor.Irregular e) {
            return records.finished;
        } finally {
            c.reset(NOTHING, 0);
        }
    }

    private boolean read(ByteCursor c, String[] members) {
        JsonToken t;
        while ((t = c.nextToken()) != null) {
            if (t != JsonToken.START_OBJECT) {
                return false;
            }
            String name;
            while ((name = c.nextName()) != null) {
                JsonToken v = c.nextToken();
                if (!RecordStreams.isOneOf(name, members)) {
                    c.skipChildren();
                } else if (v == JsonToken.START_ARRAY) {
                    JsonToken item;
                    while ((item = c.nextToken()) != JsonToken.END_ARRAY) {
                        if (!record(c, item)) {
                            return false;
                        }
                    }
                } else if (v != JsonToken.VALUE_NULL) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One record, the cursor on its first token; false when the input is broken inside it. */
    private boolean record(ByteCursor c, JsonToken first) {
        int start = c.tokenStart();
        c.markValue();
        Origin origin = session.origin(session.completedRecords() + 1, c.tokenLine(), c.tokenColumn());
        CloudEvent event = null;
        RecordException problem = null;
        int stop;
        try {
            event = reader.read(c, first, origin);
            stop = c.position();
        } catch (RecordException e) {
            problem = e;
            stop = c.position();
        } catch (ByteCursor.Irregular e) {
            try (JsonParser p = Json.parser(held.bytes(), start, held.length() - start)) {
                JsonToken t = p.nextToken();
                try {
                    event = reader.read(p, t, origin);
                } catch (RecordException re) {
                    p.finishToken();
                    problem = re;
                }
                stop = start + (int) p.currentLocation().getByteOffset();
            } catch (JacksonException broken) {
                return false;
            }
            c.resumeAfterMarked(stop);
        }
        session.nextRecord();
        if (problem != null) {
            int n = Math.min(stop - start, captureBytes);
            session.reject(origin, problem.getMessage(), new String(held.bytes(), start, n, StandardCharsets.UTF_8));
        } else if (event == null) {
            session.skip();
        } else {
            session.emit(event);
        }
        finished++;
        return true;
    }
}
