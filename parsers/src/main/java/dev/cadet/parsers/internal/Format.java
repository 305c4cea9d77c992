package dev.cadet.parsers.internal;

import java.io.IOException;

/**
 * One input shape a detector recognised (a CloudTrail {@code Records} file, JSON Lines of records...),
 * able to walk the records of such an input. Stateless and shared: everything about one input lives in
 * the {@link ReadSession} and {@link JsonInput} it is given.
 */
public interface Format {

    /** The name reported in {@link dev.cadet.model.FileReport#format()}, for example {@code cloudtrail-records}. */
    String name();

    /** How messages name one record, for example {@code CloudTrail record}. */
    String recordNoun();

    /**
     * Reads every record: each one started with {@link ReadSession#nextRecord()} and finished with an event,
     * a skip or a reject. A structurally broken input ends reading with a Jackson exception, an
     * {@link IOException} or a {@link FileProblem}; the records read before it stay counted.
     */
    void read(JsonInput in, ReadSession session) throws IOException;
}
