package dev.cadet.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where the raw record of an event (or a rejected record) sits in the input, so that an analyst
 * can open the evidence.
 *
 * @param file   the input file as given on the command line (or {@code -} for standard input)
 * @param record 1-based number of the record within the file
 * @param line   1-based line where the record starts, or 0 when unknown
 * @param column 1-based column where the record starts, or 0 when unknown
 */
public record Origin(String file, long record, long line, long column) implements Serializable {

    public Origin {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return line > 0 ? file + " record #" + record + " (line " + line + ", column " + column + ")"
                : file + " record #" + record;
    }
}
