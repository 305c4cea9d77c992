package dev.cadet.parsers.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The decoded content of one input, read either as one stream of JSON tokens, as lines, or as text (CSV),
 * plus the means to quote the raw text of a record that is rejected.
 */
public final class JsonInput implements AutoCloseable {

    private final InputStream body;
    private final CaptureInputStream capture;
    private JsonParser parser;

    public JsonInput(InputStream body, int excerptChars) {
        this.body = body;
        // Three bytes per character covers any UTF-8 text of that many characters.
        this.capture = new CaptureInputStream(body, (int) Math.min(3L * excerptChars, 16L * 1024 * 1024));
    }

    /** The token stream over the whole content; created once. */
    public JsonParser parser() {
        if (parser == null) {
            parser = Json.parser(capture);
        }
        return parser;
    }

    /** Where the token stream is now, or {@code null} before it was created. */
    public TokenStreamLocation location() {
        return parser == null ? null : parser.currentLocation();
    }

    /** The content split into lines, for JSON Lines; use either this or {@link #parser()}, not both. */
    LineSplitter lines() {
        return new LineSplitter(body);
    }

    /**
     * The content as UTF-8 text, for inputs that are not JSON; use either this or {@link #parser()} or
     * {@link #lines()}. Bytes that are not UTF-8 become replacement characters rather than stopping the read.
     */
    public Reader text() {
        return new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Marks the byte offset of the record about to be read, so that it can still be quoted if rejected. */
    void pin(long byteOffset) {
        capture.pin(byteOffset);
    }

    /** Raw text of the record at {@code [start, end)}, capped, or {@code null} when no longer available. */
    String excerpt(long start, long end) {
        return capture.excerpt(start, end);
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.close();
        }
    }
}
