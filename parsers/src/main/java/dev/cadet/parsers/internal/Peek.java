package dev.cadet.parsers.internal;

/**
 * What the sniffer saw at the start of an input: enough for a format detector to decide, never the
 * whole file.
 *
 * @param first          the shape of the first top-level JSON value, or {@code null} when there is none
 *                       (empty input, or content that is not JSON)
 * @param firstOnOneLine whether the first value starts and ends on the same line (JSON Lines)
 * @param moreValues     whether another top-level value follows the first
 * @param syntaxError    the JSON error that stopped the sniffer, or {@code null}
 * @param preview        the first line of the content, capped, for messages about unknown content
 * @param binary         a name for a recognised binary container (for example "zip archive"), or {@code null}
 * @param head           the start of the content as text (at most {@link Sniffer#HEAD_CHARS} characters), for
 *                       detectors of inputs that are not JSON (a CSV header); empty when the content starts with a
 *                       JSON object or array
 * @param cutShort       whether the sniffer stopped after the first record of an array of records
 *                       ({@link Sniffer#glance}): then the containers around it are not complete, and whether more
 *                       values follow or the first one ends on its first line is not known
 */
public record Peek(Sketch first, boolean firstOnOneLine, boolean moreValues, String syntaxError, String preview,
                   String binary, String head, boolean cutShort) {

    /** The same peek as if the first value ended on its first line, or as if it did not. */
    public Peek withFirstOnOneLine(boolean oneLine) {
        return new Peek(first, oneLine, moreValues, syntaxError, preview, binary, head, cutShort);
    }

    /** True when the input holds nothing but whitespace. */
    public boolean blank() {
        return first == null && syntaxError == null && binary == null;
    }

    /** True for an input that is nothing but one empty JSON array, {@code []}. */
    public boolean emptyArray() {
        return first != null && first.isEmptyArray() && !moreValues;
    }
}
