package dev.cadet.parsers.internal;

import dev.cadet.model.CadetException;

/**
 * One record cannot become an event; the message is the reject reason (what was wrong and what was
 * expected, without location: the caller adds it). Thrown only once the record's tokens have all been
 * consumed, so reading goes on with the next record. Carries no stack trace: it is a verdict, not a bug.
 */
public final class RecordException extends CadetException {

    private static final long serialVersionUID = 1L;

    public RecordException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
