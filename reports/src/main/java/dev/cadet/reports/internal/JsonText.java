package dev.cadet.reports.internal;

import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

import java.util.Locale;

/**
 * The one place that decides how untrusted text lands in JSON. JSON strings stay lossless: a hidden
 * character (see {@link Text#isHidden}) is written as a {@code \}{@code uXXXX} escape, so a parser
 * gets the exact value back while a terminal or editor showing the file never sees a raw control
 * or bidirectional override. Only unpaired surrogates, which no JSON reader could round-trip,
 * become U+FFFD before writing.
 */
public final class JsonText extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private static final int[] ASCII = asciiEscapes();

    /** The escapes to give the JSON factory. */
    public static final JsonText ESCAPES = new JsonText();

    /** The factory every JSON writer uses: these escapes, and the target stream left open for its owner. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .characterEscapes(ESCAPES)
            .build();

    private JsonText() {
    }

    /** The value to hand the generator: unpaired surrogates replaced, everything else untouched. */
    public static String value(String raw) {
        if (raw == null) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return replaceUnpaired(raw);
            }
        }
        return raw;
    }

    private static String replaceUnpaired(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> b.appendCodePoint(Character.isSurrogate((char) cp) && cp <= 0xFFFF
                ? Text.REPLACEMENT : cp));
        return b.toString();
    }

    private static int[] asciiEscapes() {
        int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
        codes[0x7F] = CharacterEscapes.ESCAPE_STANDARD; // DEL: a control character a terminal may act on
        return codes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        // Called per UTF-16 unit above ASCII: surrogate halves of a valid pair must pass through.
        if (ch > 0x7F && !Character.isSurrogate((char) ch) && Text.isHidden(ch)) {
            return new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch));
        }
        return null;
    }
}
