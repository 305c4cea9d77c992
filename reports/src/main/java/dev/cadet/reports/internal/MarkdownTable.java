package dev.cadet.reports.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub table built row by row. A plain {@code String} cell is untrusted and escaped; a
 * {@link Md} cell is Markdown the writer made (an internal link) and is written as is. Every row
 * has exactly as many cells as the header.
 */
final class MarkdownTable {

    /** Markdown made by the writer, to be written without escaping. */
    record Md(String markdown) {
    }

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row: each cell a {@code String} (escaped), an {@link Md} (verbatim), or {@code null} (empty). */
    MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row needs " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            if (cell == null) {
                row.add("");
            } else if (cell instanceof Md md) {
                row.add(md.markdown());
            } else if (cell instanceof String s) {
                row.add(MarkdownText.inline(s));
            } else {
                throw new IllegalArgumentException("a cell is a String or Md, got " + cell.getClass().getName());
            }
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Writes the table with a blank line after it (a table must not run into what follows). */
    void writeTo(MarkdownOut out) {
        StringBuilder b = new StringBuilder();
        appendRow(b, header.stream().map(MarkdownText::inline).toList());
        b.append('|');
        header.forEach(h -> b.append(" --- |"));
        b.append('\n');
        rows.forEach(r -> appendRow(b, r));
        out.raw(b.toString()).blank();
    }

    private static void appendRow(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c).append(" |");
        }
        b.append('\n');
    }
}
