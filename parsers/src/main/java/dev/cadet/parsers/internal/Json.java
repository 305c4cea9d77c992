package dev.cadet.parsers.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

import java.io.InputStream;

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
            .build();

    private Json() {
    }

    public static JsonParser parser(InputStream in) {
        return FACTORY.createParser(ObjectReadContext.empty(), in);
    }

    public static JsonParser parser(byte[] data, int offset, int length) {
        return FACTORY.createParser(ObjectReadContext.empty(), data, offset, length);
    }

    public static JsonParser parser(String text) {
        return FACTORY.createParser(ObjectReadContext.empty(), text);
    }
}
