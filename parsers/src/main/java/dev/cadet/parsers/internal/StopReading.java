package dev.cadet.parsers.internal;

import dev.cadet.model.CadetException;
import dev.cadet.model.Origin;

/**
 * Reading stops at the first bad record or broken file, because the caller asked to fail fast. The
 * public API turns it into its own exception; the message is already the one to show.
 */
public final class StopReading extends CadetException {

    private static final long serialVersionUID = 1L;

    private final transient Origin origin;

    public StopReading(String message, Origin origin) {
        super(message);
        this.origin = origin;
    }

    /** Where reading stopped, or {@code null} for a problem of the whole file. */
    public Origin origin() {
        return origin;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
