package dev.cadet.reports;

import dev.cadet.model.CadetException;
import dev.cadet.model.CloudEvent;
import dev.cadet.reports.internal.AtomicFiles;
import dev.cadet.reports.internal.Ocsf;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes normalized events as OCSF JSON Lines, one event per line as it is given (streaming, nothing
 * held): API Activity (6003), Authentication (3002) or Account Change (3001) by event kind. The
 * mapping is in {@code docs/report-formats.md}. Not thread-safe.
 *
 * <p>{@link #close()} flushes but does not close the stream, which belongs to the caller.
 */
public final class OcsfEventWriter implements AutoCloseable {

    private final JsonGenerator generator;
    private long written;

    private OcsfEventWriter(OutputStream out) {
        this.generator = Ocsf.JSONL.createGenerator(ObjectWriteContext.empty(), out);
    }

    /** A writer to {@code out}, UTF-8. */
    public static OcsfEventWriter to(OutputStream out) {
        return new OcsfEventWriter(Objects.requireNonNull(out, "out"));
    }

    /** Writes one event as one line. */
    public void write(CloudEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            Ocsf.event(generator, event);
        } catch (JacksonException e) {
            throw new CadetException("cannot write OCSF event " + event.eventId() + ": " + AtomicFiles.describe(e), e);
        }
        written++;
    }

    /** Events written so far. */
    public long written() {
        return written;
    }

    /** Flushes what is buffered; the stream stays open. */
    @Override
    public void close() {
        try {
            generator.close();
        } catch (JacksonException e) {
            throw new CadetException("cannot write OCSF events: " + AtomicFiles.describe(e), e);
        }
    }
}
