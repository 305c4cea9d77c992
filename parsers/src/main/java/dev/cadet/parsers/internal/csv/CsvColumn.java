package dev.cadet.parsers.internal.csv;

import java.util.List;

/**
 * One field of the provider's native record, filled from the first of its CSV columns that has a value.
 *
 * @param path    where the value goes in the record, for example {@code userIdentity.arn}
 * @param kind    how the cell is written into the record
 * @param columns the CSV column names that hold it, in order of preference, compared by {@link CsvHeader#key}
 */
public record CsvColumn(String path, Kind kind, List<String> columns) {

    /** How a cell becomes part of the record. */
    public enum Kind {
        /** The text as it is. */
        TEXT,
        /** JSON held in the cell (Log Analytics dynamic columns, CloudTrail request parameters). */
        JSON,
        /** A timestamp, rewritten as ISO-8601 UTC (exports write the browser locale's form). */
        TIME,
        /** An object: JSON, or the {@code {key=value, ...}} form Athena and CloudTrail Lake write for structs. */
        STRUCT
    }

    public CsvColumn {
        if (path.isEmpty() || columns.isEmpty()) {
            throw new IllegalArgumentException("a CSV column needs a path and at least one column name, was "
                    + path + " " + columns);
        }
        columns = columns.stream().map(CsvHeader::key).toList();
    }

    public static CsvColumn text(String path, String... columns) {
        return new CsvColumn(path, Kind.TEXT, List.of(columns));
    }

    public static CsvColumn json(String path, String... columns) {
        return new CsvColumn(path, Kind.JSON, List.of(columns));
    }

    public static CsvColumn time(String path, String... columns) {
        return new CsvColumn(path, Kind.TIME, List.of(columns));
    }

    public static CsvColumn struct(String path, String... columns) {
        return new CsvColumn(path, Kind.STRUCT, List.of(columns));
    }
}
