package dev.cadet.parsers.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids for records that carry none: a name-based UUID of what identifies the record, so the same
 * record always gets the same id (copies of it collapse in the pipeline) and different records differ.
 */
public final class SyntheticIds {

    private SyntheticIds() {
    }

    /** {@code synthetic-<uuid>} of the parts, {@code null} parts included as "null". */
    public static String of(String... parts) {
        StringBuilder key = new StringBuilder(128);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            key.append(parts[i]);
        }
        return "synthetic-" + UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8));
    }
}
