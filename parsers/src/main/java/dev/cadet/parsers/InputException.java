package dev.cadet.parsers;

import dev.cadet.model.CadetException;
import dev.cadet.model.Origin;

/**
 * An input that cannot be read as asked: a path that does not exist, or, under
 * {@link BadRecordPolicy#FAIL}, the first bad record or broken file. The message says what was wrong,
 * where, and what was expected, for example
 * {@code CloudTrail record #1,234 (file a.json.gz, line 57, column 3): missing required field 'eventTime'}.
 */
public class InputException extends CadetException {

    private static final long serialVersionUID = 1L;

    /** Where the problem is; {@code null} for problems of a whole file or path. */
    private final transient Origin origin;

    public InputException(String message, Origin origin) {
        super(message);
        this.origin = origin;
    }

    public InputException(String message, Origin origin, Throwable cause) {
        super(message, cause);
        this.origin = origin;
    }

    /** The record or position the problem is at, or {@code null} when it concerns a whole file or path. */
    public Origin origin() {
        return origin;
    }
}
