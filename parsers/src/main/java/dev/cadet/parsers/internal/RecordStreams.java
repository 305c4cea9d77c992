package dev.cadet.parsers.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.UTF8StreamJsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The ways records sit in a JSON input, shared by every provider: items of an array, top-level values
 * one after another, or one per line. Each record gets its number and location, and ends as an event,
 * a skip or a reject.
 */
public final class RecordStreams {

    private RecordStreams() {
    }

    /** Every item of the array whose {@code START_ARRAY} the parser is on is one record. */
    public static void arrayItems(JsonInput in, JsonParser p, ReadSession session, ValueReader reader) {
        arrayItems(in, p, session, reader, 0);
    }

    /** {@link #arrayItems(JsonInput, JsonParser, ReadSession, ValueReader)} after skipping {@code done} items; returns how many are still to skip. */
    private static long arrayItems(JsonInput in, JsonParser p, ReadSession session, ValueReader reader, long done) {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (done > 0) {
                p.skipChildren();
                done--;
            } else {
                one(in, p, t, session, reader);
            }
        }
        return done;
    }

    /**
     * Top-level objects that each hold their records in an array member ({@code Records}, {@code records},
     * {@code value}, {@code Commands}...); other members are skipped, a {@code null} member holds no records.
     *
     * <p>A reader that also reads from a {@link RecordCursor} gets an input of a few MB held in memory and read
     * by {@link HeldRecords}, which leaves only what it does not read to the stream.
     *
     * @param members the names of the member, any of which may hold the records
     */
    public static void wrapped(JsonInput in, ReadSession session, ValueReader reader, String... members) {
        long done = 0;
        if (reader instanceof CursorReader cursorReader) {
            JsonInput.Held held = in.hold();
            if (held != null) {
                done = HeldRecords.wrapped(held, session, cursorReader, in.captureBytes(), members);
                // Of a head, the records up to the cut are all there is to read: what stopped the cursor is the cut
                // or a broken record, and saying which would mean reading it all again.
                if (done < 0 || in.head()) {
                    return;
                }
            }
        }
        JsonParser p = in.parser();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t != JsonToken.START_OBJECT) {
                throw FileProblem.at(p, "expected a JSON object holding a '" + members[0] + "' array, found "
                        + Texts.describe(t));
            }
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken v = p.nextToken();
                if (!isOneOf(name, members)) {
                    p.skipChildren();
                } else if (v == JsonToken.START_ARRAY) {
                    done = arrayItems(in, p, session, reader, done);
                } else if (v != JsonToken.VALUE_NULL) {
                    throw FileProblem.at(p, "'" + name + "' is " + Texts.describe(v) + "; expected an array of records");
                }
            }
        }
    }

    /** Top-level arrays, every item one record. */
    public static void arrays(JsonInput in, ReadSession session, ValueReader reader) {
        JsonParser p = in.parser();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t != JsonToken.START_ARRAY) {
                throw FileProblem.at(p, "expected a JSON array of " + session.recordNoun() + "s, found "
                        + Texts.describe(t));
            }
            arrayItems(in, p, session, reader);
        }
    }

    /** Top-level values one after another, or one per line when {@code lines} (a bad line costs only itself). */
    public static void values(JsonInput in, ReadSession session, ValueReader reader, boolean lines) throws IOException {
        if (lines) {
            lines(in, session, reader);
        } else {
            rootValues(in, session, reader);
        }
    }

    static boolean isOneOf(String name, String[] members) {
        for (String m : members) {
            if (m.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Every top-level value that follows in the stream is one record. */
    public static void rootValues(JsonInput in, ReadSession session, ValueReader reader) {
        JsonParser p = in.parser();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            one(in, p, t, session, reader);
        }
    }

    /** Reads the record whose first token is {@code t}, with its location taken from that token. */
    public static void one(JsonInput in, JsonParser p, JsonToken t, ReadSession session, ValueReader reader) {
        long start;
        long line;
        long column;
        if (p instanceof UTF8StreamJsonParser bytes) {
            // What currentTokenLocation() reports for a value token, read without a location object per record:
            // the offset of the token's first byte, and its column before getTokenColumnNr() adds one.
            start = bytes.getTokenCharacterOffset() - 1;
            line = bytes.getTokenLineNr();
            int col = bytes.getTokenColumnNr();
            column = col > 0 ? col - 1 : col;
        } else {
            TokenStreamLocation at = p.currentTokenLocation();
            start = at.getByteOffset();
            line = at.getLineNr();
            column = at.getColumnNr();
        }
        in.pin(start);
        long n = session.nextRecord();
        Origin origin = session.origin(n, line, column);
        CloudEvent event;
        try {
            event = reader.read(p, t, origin);
        } catch (RecordException e) {
            // A string's end is only known once its token is finished; parsing is lazy.
            p.finishToken();
            session.reject(origin, e.getMessage(), in.excerpt(start, p.currentLocation().getByteOffset()));
            return;
        }
        finish(session, event);
    }

    /**
     * JSON Lines: every non-blank line is one record, parsed on its own, so that a malformed line costs that
     * line only and reading goes on with the next.
     */
    public static void lines(JsonInput in, ReadSession session, ValueReader reader) throws IOException {
        LineSplitter lines = in.lines();
        int captureBytes = (int) Math.min(3L * session.excerptChars(), 16L * 1024 * 1024);
        while (lines.next()) {
            byte[] buf = lines.buffer();
            int len = lines.length();
            int first = 0;
            while (first < len && isBlank(buf[first])) {
                first++;
            }
            if (first == len && !lines.overlong()) {
                continue;
            }
            long n = session.nextRecord();
            Origin origin = session.origin(n, lines.lineNumber(), first + 1L);
            String excerpt = new String(buf, first, Math.min(len - first, captureBytes), StandardCharsets.UTF_8);
            if (lines.overlong()) {
                session.reject(origin, "line is longer than " + Texts.number(LineSplitter.MAX_LINE_BYTES)
                        + " bytes; expected one JSON record per line", excerpt);
                continue;
            }
            CloudEvent event;
            JsonParser lp = Json.parser(buf, 0, len);
            try {
                JsonToken t = lp.nextToken();
                event = reader.read(lp, t, origin);
                if (lp.nextToken() != null) {
                    throw new RecordException("unexpected content after the record at column "
                            + Texts.number(lp.currentTokenLocation().getColumnNr())
                            + "; expected one JSON record per line");
                }
            } catch (RecordException e) {
                session.reject(origin, e.getMessage(), excerpt);
                continue;
            } catch (JacksonException e) {
                // A limit violation carries no location of its own; the line's parser knows where it stopped.
                TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : lp.currentLocation();
                String what = e instanceof StreamConstraintsException ? "JSON exceeds a parser limit" : "malformed JSON";
                session.reject(origin, what + " at column " + Texts.number(at.getColumnNr()) + ": "
                        + Texts.parserMessage(e), excerpt);
                continue;
            } finally {
                lp.close();
            }
            finish(session, event);
        }
    }

    private static void finish(ReadSession session, CloudEvent event) {
        if (event == null) {
            session.skip();
        } else {
            session.emit(event);
        }
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\f';
    }
}
