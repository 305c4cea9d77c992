package dev.cadet.parsers.internal.csv;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.FileProblem;
import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.Json;
import dev.cadet.parsers.internal.JsonInput;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.RecordException;
import dev.cadet.parsers.internal.Texts;
import dev.cadet.parsers.internal.ValueReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A CSV export of one {@link CsvLayout}: the first row names the columns, every other row is one record, read
 * as it streams by (Commons CSV, which handles quoted cells with line breaks and doubled quotes).
 */
final class CsvFormat implements Format {

    private final CsvLayout layout;

    CsvFormat(CsvLayout layout) {
        this.layout = layout;
    }

    @Override
    public String name() {
        return layout.name();
    }

    @Override
    public String recordNoun() {
        return "CSV row";
    }

    @Override
    public void read(JsonInput in, ReadSession session) throws IOException {
        try (CSVParser parser = CSVParser.parse(in.text(), CsvHeader.FORMAT)) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!next(rows, parser, session)) {
                return;
            }
            List<String> header = new ArrayList<>();
            rows.next().forEach(header::add);
            CsvRecords records = new CsvRecords(layout, header, session.excerptChars());
            ValueReader reader = layout.reader(session);
            long line = parser.getCurrentLineNumber() + 1;
            while (next(rows, parser, session)) {
                CSVRecord row = rows.next();
                Origin origin = session.origin(session.nextRecord(), line, 1);
                line = parser.getCurrentLineNumber() + 1;
                row(row, header, records, reader, origin, session);
            }
        }
    }

    /** Whether another row follows; a malformed one (an unclosed quote) ends the file with its line. */
    private static boolean next(Iterator<CSVRecord> rows, CSVParser parser, ReadSession session) {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            long line = parser.getCurrentLineNumber() + 1;
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new FileProblem("malformed CSV at line " + Texts.number(line) + ": "
                    + Texts.cap(String.valueOf(reason), 200), line, 0);
        }
    }

    private static void row(CSVRecord row, List<String> header, CsvRecords records, ValueReader reader,
                            Origin origin, ReadSession session) {
        if (row.size() != header.size()) {
            session.reject(origin, "row has " + Texts.count(row.size(), "field") + " but the header has "
                    + Texts.count(header.size(), "column") + "; expected one field per column", excerpt(row));
            return;
        }
        CloudEvent event;
        try {
            byte[] json = records.json(row);
            try (JsonParser p = Json.parser(json, 0, json.length)) {
                event = reader.read(p, p.nextToken(), origin);
            }
        } catch (RecordException e) {
            session.reject(origin, e.getMessage(), excerpt(row));
            return;
        }
        if (event == null) {
            session.skip();
        } else {
            session.emit(event);
        }
    }

    /** The row written back as CSV: what an analyst finds in the file. */
    private static String excerpt(CSVRecord row) {
        return CSVFormat.DEFAULT.format(row.values());
    }
}
