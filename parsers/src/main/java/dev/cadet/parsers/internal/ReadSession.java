package dev.cadet.parsers.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Command;
import dev.cadet.model.FileReport;
import dev.cadet.model.Origin;
import dev.cadet.model.Reject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The accounting of one file being read, owned by one thread. Every record a format starts with
 * {@link #nextRecord()} ends in exactly one of {@link #emit}, {@link #skip} or {@link #reject}, so that
 * records = events + skipped + quarantined holds however reading ends. Created and used on the thread that
 * reads the file: it shares that thread's {@link StringTable} and {@link SharedParts}.
 */
public final class ReadSession {

    private final String file;
    private final boolean failFast;
    private final int excerptChars;
    private final Consumer<CloudEvent> events;
    private final List<Reject> rejects = new ArrayList<>();
    private final StringTable strings = StringTable.forThisThread();
    private final SharedParts parts = SharedParts.forThisThread();
    private final List<Command> history = new ArrayList<>();

    private String recordNoun = "record";
    private long records;
    private long emitted;
    private long skipped;
    private long quarantined;
    private boolean open;

    /**
     * @param failFast stop at the first bad record or broken file ({@link StopReading}) instead of quarantining
     */
    public ReadSession(String file, boolean failFast, int excerptChars, Consumer<CloudEvent> events) {
        this.file = file;
        this.failFast = failFast;
        this.excerptChars = excerptChars;
        this.events = events;
    }

    public String file() {
        return file;
    }

    public int excerptChars() {
        return excerptChars;
    }

    /** How messages name one record of this file, for example {@code CloudTrail record}. */
    public void recordNoun(String noun) {
        this.recordNoun = noun;
    }

    public String recordNoun() {
        return recordNoun;
    }

    /** Starts the next record and returns its 1-based number. */
    public long nextRecord() {
        open = true;
        return ++records;
    }

    /** Records started and finished so far. */
    public long completedRecords() {
        return open ? records - 1 : records;
    }

    /** True while a started record has not been finished (the input broke inside it). */
    public boolean insideRecord() {
        return open;
    }

    public Origin origin(long record, long line, long column) {
        return new Origin(file, record, Math.max(0, line), Math.max(0, column));
    }

    public void emit(CloudEvent event) {
        open = false;
        emitted++;
        events.accept(event);
    }

    public void skip() {
        open = false;
        skipped++;
    }

    /**
     * Keeps the command text of a command history record for joining with the events that ran the command.
     * The record itself is not an audit event: its reader returns no event, so it is counted as skipped.
     */
    public void remember(Command command) {
        history.add(command);
    }

    /** The command history kept so far, in input order. */
    public List<Command> history() {
        return List.copyOf(history);
    }

    /** Quarantines the current record; when failing fast, throws {@link StopReading} instead. */
    public void reject(Origin origin, String reason, String excerpt) {
        open = false;
        quarantined++;
        Reject reject = new Reject(origin, reason, Texts.cap(excerpt, excerptChars));
        if (failFast) {
            throw new StopReading(describe(origin) + ": " + reason, origin);
        }
        rejects.add(reject);
    }

    /** {@code CloudTrail record #1,234 (file a.json.gz, line 57, column 3)}. */
    public String describe(Origin origin) {
        StringBuilder b = new StringBuilder(recordNoun).append(" #").append(Texts.number(origin.record()))
                .append(" (file ").append(origin.file());
        if (origin.line() > 0) {
            b.append(", line ").append(Texts.number(origin.line()));
            if (origin.column() > 0) {
                b.append(", column ").append(Texts.number(origin.column()));
            }
        }
        return b.append(')').toString();
    }

    /** One shared instance per distinct value, so the many events of a file do not each carry a copy. */
    public String intern(String s) {
        return strings.intern(s);
    }

    /** The string table of the thread reading this file, for values read straight from the parser. */
    public StringTable strings() {
        return strings;
    }

    /** The shared actors, sources and scopes of the thread reading this file; pass them interned strings. */
    public SharedParts parts() {
        return parts;
    }

    /** The quarantined records so far, in input order. */
    public List<Reject> rejects() {
        return List.copyOf(rejects);
    }

    /**
     * Closes the accounting. A record the input broke inside was never finished and is not counted: the
     * error says where it broke. When failing fast, a file error is thrown as {@link StopReading} instead.
     *
     * @param errorOrigin where the file broke, when known; only used when failing fast
     */
    public FileReport finish(String format, String error, Origin errorOrigin) {
        if (open) {
            open = false;
            records--;
        }
        if (error != null && failFast) {
            throw new StopReading("file " + file + " (" + format + "): " + error, errorOrigin);
        }
        return new FileReport(file, format, records, emitted, skipped, quarantined, error);
    }
}
