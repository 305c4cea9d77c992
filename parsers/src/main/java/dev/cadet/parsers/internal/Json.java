package dev.cadet.parsers.internal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

import java.io.InputStream;
import java.io.OutputStream;

/** The one JSON factory of the parsers: thread-safe, shared by every read. */
public final class Json {

    /**
     * Lenient only where leniency cannot change meaning: unquoted property names and trailing commas
     * appear in published CloudTrail samples copied from JavaScript. Sources are never closed by the
     * parser: the caller owns them (standard input must stay open).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private Json() {
    }

    public static JsonParser parser(InputStream in) {
        return FACTORY.createParser(ObjectReadContext.empty(), in);
    }

    public static JsonParser parser(byte[] data, int offset, int length) {
        return FACTORY.createParser(ObjectReadContext.empty(), data, offset, length);
    }

    /** A generator writing UTF-8 JSON; the stream is not closed with it. */
    public static JsonGenerator generator(OutputStream out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }

    public static JsonParser parser(String text) {
        return FACTORY.createParser(ObjectReadContext.empty(), text);
    }
}
