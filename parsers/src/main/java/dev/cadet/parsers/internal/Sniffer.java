package dev.cadet.parsers.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

import java.nio.charset.StandardCharsets;

/**
 * Builds a {@link Peek} from the decoded prefix with the streaming parser: property names and value
 * shapes a few levels deep, skipping everything else. Reads only the prefix, so a huge first record
 * costs no more than the prefix size; the short look ({@link #glance}) reads only as far as the first record.
 */
public final class Sniffer {

    /** Nesting levels described: enough for {@code Events[0].CloudTrailEvent} or {@code detail.eventSource}. */
    static final int MAX_DEPTH = 3;
    /** Property names kept per object. */
    static final int MAX_FIELDS = 200;
    private static final int PREVIEW_CHARS = 80;
    /** Text kept for detectors of non-JSON inputs: enough for the widest CSV header (Sentinel's has 53 columns). */
    public static final int HEAD_CHARS = 16 * 1024;

    private Sniffer() {
    }

    /** The long look: the whole prefix, every top-level value in it described. */
    public static Peek peek(byte[] prefix, int offset, int length) {
        return peek(prefix, offset, length, false);
    }

    /**
     * The short look: like {@link #peek}, but it stops after the first record of an array of records (the
     * items of a top-level array, or of an array member of a top-level object), where the long look would go
     * on tokenizing the rest of the prefix only to skip it. Such a peek is {@link Peek#cutShort()}: what
     * follows the first record was not seen.
     */
    public static Peek glance(byte[] prefix, int offset, int length) {
        return peek(prefix, offset, length, true);
    }

    private static Peek peek(byte[] prefix, int offset, int length, boolean stopAfterFirstRecord) {
        String binary = binaryKind(prefix, offset, length);
        String preview = preview(prefix, offset, length);
        if (binary != null) {
            return new Peek(null, false, false, null, preview, binary, "", false);
        }
        Sketch first = null;
        boolean oneLine = false;
        boolean more = false;
        boolean cut = false;
        String error = null;
        try (JsonParser p = Json.parser(prefix, offset, length)) {
            JsonToken t = p.nextToken();
            if (t != null) {
                long startLine = p.currentTokenLocation().getLineNr();
                first = new Sketch(t);
                cut = describe(p, first, 0, stopAfterFirstRecord);
                if (!cut) {
                    oneLine = p.currentLocation().getLineNr() == startLine;
                    more = p.nextToken() != null;
                }
            }
        } catch (UnexpectedEndOfInputException e) {
            // The prefix ended inside a value: decide on what was seen so far.
        } catch (JacksonException e) {
            error = Texts.parserMessage(e);
        }
        // The text is for detectors of content that is not JSON; decoding it for every JSON file costs time.
        String head = first != null && (first.isObject() || first.isArray()) ? "" : head(prefix, offset, length);
        return new Peek(first, oneLine, more, error, preview, null, head, cut);
    }

    /**
     * Fills {@code s} from the parser positioned on its first token; leaves the parser on its last token.
     *
     * @return true when it stopped after the first record of an array of records (only when {@code stop})
     */
    private static boolean describe(JsonParser p, Sketch s, int depth, boolean stop) {
        if (s.isObject()) {
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken t = p.nextToken();
                Sketch child = new Sketch(t);
                s.put(name, child);
                if (depth < MAX_DEPTH) {
                    if (describe(p, child, depth + 1, stop)) {
                        return true;
                    }
                } else {
                    p.skipChildren();
                }
            }
        } else if (s.isArray()) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.END_ARRAY) {
                Sketch item = new Sketch(t);
                s.firstItem(item);
                if (depth < MAX_DEPTH) {
                    if (describe(p, item, depth + 1, stop)) {
                        return true;
                    }
                } else {
                    p.skipChildren();
                }
                // Records sit in the top-level value or in a member of it; the rest of them tell nothing new.
                if (stop && depth <= 1 && item.isObject()) {
                    return true;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
            }
        }
        s.complete(true);
        return false;
    }

    private static String binaryKind(byte[] b, int off, int len) {
        if (len >= 4 && b[off] == 'P' && b[off + 1] == 'K' && b[off + 2] == 3 && b[off + 3] == 4) {
            return "zip archive";
        }
        if (len >= 3 && b[off] == 'B' && b[off + 1] == 'Z' && b[off + 2] == 'h') {
            return "bzip2 file";
        }
        if (len >= 6 && (b[off] & 0xff) == 0xfd && b[off + 1] == '7' && b[off + 2] == 'z' && b[off + 3] == 'X') {
            return "xz file";
        }
        if (len >= 4 && (b[off] & 0xff) == 0x28 && (b[off + 1] & 0xff) == 0xb5 && (b[off + 2] & 0xff) == 0x2f
                && (b[off + 3] & 0xff) == 0xfd) {
            return "zstd file";
        }
        if (len >= 4 && b[off] == 'P' && b[off + 1] == 'A' && b[off + 2] == 'R' && b[off + 3] == '1') {
            return "Parquet file";
        }
        return null;
    }

    /** The start of the content as text; a character cut at the end becomes a replacement character. */
    private static String head(byte[] b, int off, int len) {
        String text = new String(b, off, Math.min(len, HEAD_CHARS * 2), StandardCharsets.UTF_8);
        return text.length() > HEAD_CHARS ? text.substring(0, HEAD_CHARS) : text;
    }

    /** The first non-blank line, with control characters shown as '?', for "unknown format" messages. */
    private static String preview(byte[] b, int off, int len) {
        int start = off;
        int end = off + len;
        while (start < end && Character.isWhitespace(b[start])) {
            start++;
        }
        int stop = start;
        while (stop < end && b[stop] != '\n' && b[stop] != '\r' && stop - start < PREVIEW_CHARS * 4) {
            stop++;
        }
        String line = new String(b, start, stop - start, StandardCharsets.UTF_8);
        StringBuilder clean = new StringBuilder(Math.min(line.length(), PREVIEW_CHARS));
        for (int i = 0; i < line.length() && clean.length() < PREVIEW_CHARS; i++) {
            char c = line.charAt(i);
            clean.append(Character.isISOControl(c) || c == '\uFFFD' ? '?' : c);
        }
        return Texts.cap(clean.toString(), PREVIEW_CHARS);
    }
}
