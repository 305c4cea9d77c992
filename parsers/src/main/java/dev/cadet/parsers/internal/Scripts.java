package dev.cadet.parsers.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Script and command text as {@link dev.cadet.model.Command#lines()}: split at line breaks, decoded when base64. */
public final class Scripts {

    /** User data and extension scripts are at most a few tens of KB once decoded; anything much larger is not a script. */
    private static final int MAX_SCRIPT_CHARS = 64 * 1024;

    private Scripts() {
    }

    /** The lines of a text, split at {@code \n} or {@code \r\n}; a final line break adds no empty line. */
    public static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Adds the lines of every text, in order. */
    public static void addLines(List<String> into, List<String> texts) {
        for (String text : texts) {
            into.addAll(lines(text));
        }
    }

    /**
     * The text lines of base64 content when it decodes to UTF-8 text, else nothing (logs mostly write a
     * placeholder such as {@code <sensitiveDataRemoved>}, and compressed or binary content is not text).
     */
    public static List<String> base64Lines(String value) {
        if (value == null || value.length() > MAX_SCRIPT_CHARS * 2) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return List.of();
        }
        if (text.isEmpty() || text.indexOf('\0') >= 0) {
            return List.of();
        }
        return lines(text);
    }
}
