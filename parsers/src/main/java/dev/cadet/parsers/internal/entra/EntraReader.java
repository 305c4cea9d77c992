package dev.cadet.parsers.internal.entra;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.ParserCursor;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.ValueReader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static dev.cadet.parsers.internal.JsonFields.notAnObject;

/** Reads one Graph sign-in or directory audit object, or one Log Analytics row of either, with one pass. */
final class EntraReader implements ValueReader {

    private final EntraRecord r = new EntraRecord();
    private final EntraMapper mapper;
    private final ParserCursor parser;

    EntraReader(ReadSession session) {
        this.mapper = new EntraMapper(session);
        this.parser = new ParserCursor(session.strings());
    }

    @Override
    public CloudEvent read(JsonParser p, JsonToken first, Origin origin) {
        if (first != JsonToken.START_OBJECT) {
            throw notAnObject(p, first, "an Entra ID sign-in or audit record");
        }
        r.reset();
        EntraFields.object(parser.on(p), r);
        return mapper.map(r, origin);
    }
}
