package dev.cadet.parsers.internal.csv;

import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.FormatDetector;
import dev.cadet.parsers.internal.Peek;
import dev.cadet.parsers.internal.Sketch;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognises CSV exports by their header row: the first layout whose required columns are all there. Content
 * that parses as JSON is never CSV. A CSV whose columns match no layout is not guessed at: it stays unknown,
 * and the message lists the columns found and the layouts expected.
 */
public final class CsvDetector implements FormatDetector {

    private final List<CsvLayout> layouts;

    public CsvDetector(List<CsvLayout> layouts) {
        this.layouts = List.copyOf(layouts);
    }

    @Override
    public Format detect(Peek peek) {
        List<String> columns = header(peek);
        if (columns == null) {
            return null;
        }
        Set<String> keys = columns.stream().map(CsvHeader::key).collect(Collectors.toSet());
        for (CsvLayout layout : layouts) {
            if (layout.matches(keys)) {
                return new CsvFormat(layout);
            }
        }
        return null;
    }

    /** The header's column names when the input is text that starts with a CSV header, else {@code null}. */
    public static List<String> header(Peek peek) {
        Sketch first = peek.first();
        if (peek.binary() != null || (first != null && (first.isObject() || first.isArray()))) {
            return null;
        }
        return CsvHeader.columns(peek.head());
    }

    @Override
    public String accepts() {
        return "a CSV export with a header: " + layouts.stream().map(CsvLayout::expected)
                .collect(Collectors.joining("; "));
    }
}
