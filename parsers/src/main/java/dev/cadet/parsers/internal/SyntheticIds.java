package dev.cadet.parsers.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Event ids for records that carry none: a name-based UUID of what identifies the record, so the same
 * record always gets the same id (copies of it collapse in the pipeline) and different records differ.
 */
public final class SyntheticIds {

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    });

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
        return "synthetic-" + nameBased(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What {@link UUID#nameUUIDFromBytes} returns (a version 3 UUID), without looking up a new MD5 provider for
     * every record: Azure diagnostic records carry no event id, so this runs once per record.
     */
    static UUID nameBased(byte[] name) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        byte[] hash = md5.digest(name);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
