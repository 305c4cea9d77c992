package dev.cadet.parsers.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.Set;
import java.util.function.BiFunction;

/** A {@link RecordCursor} over a Jackson parser; reusable, pointed at the parser of each record. */
public final class ParserCursor implements RecordCursor {

    private final StringTable strings;
    private JsonParser p;

    public ParserCursor(StringTable strings) {
        this.strings = strings;
    }

    /** A new cursor over {@code parser}, sharing the thread's table of repeating values. */
    public static ParserCursor of(JsonParser parser) {
        return new ParserCursor(StringTable.forThisThread()).on(parser);
    }

    /** This cursor, reading from {@code parser} from now on. */
    public ParserCursor on(JsonParser parser) {
        this.p = parser;
        return this;
    }

    @Override
    public String nextName() {
        return p.nextName();
    }

    @Override
    public JsonToken nextToken() {
        return p.nextToken();
    }

    @Override
    public void skipChildren() {
        p.skipChildren();
    }

    @Override
    public String shared(JsonToken t) {
        return strings.text(p, t);
    }

    @Override
    public String text(JsonToken t) {
        return JsonFields.text(p, t);
    }

    @Override
    public void copyString(CharSlice into) {
        into.set(p);
    }

    @Override
    public <T> T once(JsonToken t, ByteMemo<T> memo, BiFunction<RecordCursor, JsonToken, T> reader) {
        return reader.apply(this, t);
    }

    @Override
    public void walk(JsonToken t, Set<String> members, JsonFields.Walker walker) {
        walker.walk(p, t);
    }
}
