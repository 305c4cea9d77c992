package dev.cadet.parsers.internal;

import dev.cadet.model.CadetException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;

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

    /** A problem at the parser's current token: "{message} at line L, column C". */
    public static FileProblem at(JsonParser p, String message) {
        TokenStreamLocation at = p.currentTokenLocation();
        return new FileProblem(message + " at line " + Texts.number(at.getLineNr()) + ", column "
                + Texts.number(at.getColumnNr()), at.getLineNr(), at.getColumnNr());
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
