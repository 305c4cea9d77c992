package dev.cadet.parsers.internal;

import dev.cadet.model.CadetException;

/**
 * The structure of a file is not what its format promised (a {@code Records} member that is not an
 * array, a root value of the wrong kind), so reading stops; the records read so far stay counted.
 */
public final class FileProblem extends CadetException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    /** A problem at a line and column (1-based; 0 when unknown). */
    public FileProblem(String message, long line, long column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
