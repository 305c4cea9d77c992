package dev.cadet.parsers.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import tools.jackson.core.JsonToken;

/**
 * A {@link ValueReader} written against a {@link RecordCursor}, so that it also reads records held in memory
 * as bytes ({@link ByteCursor}).
 */
public interface CursorReader extends ValueReader {

    /** {@link ValueReader#read} from a cursor; throws {@link ByteCursor.Irregular} only as the cursor does. */
    CloudEvent read(RecordCursor c, JsonToken first, Origin origin);
}
