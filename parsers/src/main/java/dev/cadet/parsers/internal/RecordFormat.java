package dev.cadet.parsers.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A format whose records are JSON values in one of the usual containers: the items of an array member of
 * top-level objects ({@code {"records": [...]}}), the items of top-level arrays, or top-level values one after
 * another (line by line when the input is JSON Lines). Each provider supplies the record reader.
 */
public final class RecordFormat implements Format {

    private enum Container { WRAPPED, ARRAY, VALUES }

    private final String name;
    private final String recordNoun;
    private final Container container;
    private final String member;
    private final boolean lines;
    private final Function<ReadSession, ValueReader> readers;

    private RecordFormat(String name, String recordNoun, Container container, String member, boolean lines,
                         Function<ReadSession, ValueReader> readers) {
        this.name = name;
        this.recordNoun = recordNoun;
        this.container = container;
        this.member = member;
        this.lines = lines;
        this.readers = Objects.requireNonNull(readers, "readers");
    }

    /** Records in the array member {@code member} of each top-level object. */
    public static RecordFormat wrapped(String name, String recordNoun, String member,
                                       Function<ReadSession, ValueReader> readers) {
        return new RecordFormat(name, recordNoun, Container.WRAPPED, member, false, readers);
    }

    /** Records as the items of top-level arrays. */
    public static RecordFormat array(String name, String recordNoun, Function<ReadSession, ValueReader> readers) {
        return new RecordFormat(name, recordNoun, Container.ARRAY, null, false, readers);
    }

    /** Records as top-level values; {@code lines} reads each line alone, so that a bad line costs only itself. */
    public static RecordFormat values(String name, String recordNoun, boolean lines,
                                      Function<ReadSession, ValueReader> readers) {
        return new RecordFormat(name, recordNoun, Container.VALUES, null, lines, readers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String recordNoun() {
        return recordNoun;
    }

    @Override
    public void read(JsonInput in, ReadSession session) throws IOException {
        ValueReader reader = readers.apply(session);
        switch (container) {
            case WRAPPED -> RecordStreams.wrapped(in, session, reader, member);
            case ARRAY -> RecordStreams.arrays(in, session, reader);
            case VALUES -> RecordStreams.values(in, session, reader, lines);
        }
    }
}
