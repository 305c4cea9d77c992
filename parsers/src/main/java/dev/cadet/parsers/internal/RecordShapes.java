package dev.cadet.parsers.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How a provider whose records are JSON objects is recognised: a wrapper object holding them in an array
 * member, a top-level array of them, or records on their own (one alone, JSON Lines, concatenated). A provider
 * declares its formats once; {@link #detect} finds which one an input is.
 *
 * @param looksLikeRecord whether the start of an object is one of the provider's records
 * @param wrappers        wrapper member name to its format, asked in order
 * @param emptyWrappers   whether a wrapper with an empty array (nothing to judge the records by) counts
 * @param array           the format of top-level arrays of records, or {@code null} when there is none
 * @param lines           the format of records one per line, or {@code null}
 * @param stream          the format of records one after another across lines (pretty-printed), or {@code null}
 */
public record RecordShapes(Predicate<Sketch> looksLikeRecord, Map<String, Format> wrappers, boolean emptyWrappers,
                           Format array, Format lines, Format stream) {

    public RecordShapes {
        // In the order given: the first wrapper an object has decides.
        wrappers = Collections.unmodifiableMap(new LinkedHashMap<>(wrappers));
    }

    /** The format of the input, or {@code null} when it is none of these shapes. */
    public Format detect(Peek peek) {
        Sketch first = peek.first();
        if (first == null) {
            return null;
        }
        if (first.isObject()) {
            for (Map.Entry<String, Format> wrapper : wrappers.entrySet()) {
                Sketch member = first.field(wrapper.getKey());
                if (member != null && member.isArray() && holds(member)) {
                    return wrapper.getValue();
                }
            }
            return looksLikeRecord.test(first) ? (peek.firstOnOneLine() ? lines : stream) : null;
        }
        if (first.isArray()) {
            Sketch item = first.firstItem();
            return item != null && item.isObject() && looksLikeRecord.test(item) ? array : null;
        }
        return null;
    }

    private boolean holds(Sketch member) {
        Sketch item = member.firstItem();
        return item == null ? emptyWrappers && member.complete() : item.isObject() && looksLikeRecord.test(item);
    }
}
