package dev.cadet.parsers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw input bytes into UTF-8 JSON text plus a prefix to sniff: gzip is recognised by its magic
 * bytes (never by the file name) and decompressed, a UTF-8 byte order mark is dropped, UTF-16 (with a
 * byte order mark) is re-encoded.
 */
public final class Decoder {

    /** How much decoded content the sniffer may look at. Enough for the first record of any real log. */
    public static final int SNIFF_BYTES = 128 * 1024;

    private Decoder() {
    }

    /**
     * Decoded input.
     *
     * @param prefix  the first bytes of the decoded content
     * @param offset  where the content starts in {@code prefix} (after a byte order mark)
     * @param length  how many content bytes {@code prefix} holds
     * @param body    the whole decoded content from its start (the prefix again, then the rest)
     * @param gzip    whether the input was gzip-compressed
     * @param failure the error that stopped reading the prefix, or {@code null}; {@code body} raises it again
     */
    public record Decoded(byte[] prefix, int offset, int length, InputStream body, boolean gzip,
                          IOException failure) {
    }

    public static Decoded open(InputStream raw) throws IOException {
        byte[] magic = new byte[2];
        int m = raw.readNBytes(magic, 0, 2);
        InputStream content = new PrefixedInputStream(magic, 0, m, raw, null);
        boolean gzip = m == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        if (gzip) {
            content = GzipGuard.open(content);
        }
        return sniffPrefix(content, gzip, true);
    }

    private static Decoded sniffPrefix(InputStream content, boolean gzip, boolean mayTranscode) {
        byte[] buf = new byte[SNIFF_BYTES];
        int n = 0;
        IOException failure = null;
        try {
            while (n < buf.length) {
                int r = content.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            failure = e;
        }
        int offset = 0;
        if (n >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
            offset = 3;
        } else if (mayTranscode && n >= 2 && isUtf16Bom(buf[0], buf[1])) {
            Charset charset = (buf[0] & 0xff) == 0xff ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            InputStream rest = new PrefixedInputStream(buf, 2, n - 2, content, failure);
            InputStreamReader reader = new InputStreamReader(rest, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            return sniffPrefix(new TranscodingInputStream(reader), gzip, false);
        }
        InputStream body = new PrefixedInputStream(buf, offset, n - offset, content, failure);
        return new Decoded(buf, offset, n - offset, body, gzip, failure);
    }

    private static boolean isUtf16Bom(byte a, byte b) {
        int x = a & 0xff;
        int y = b & 0xff;
        return (x == 0xff && y == 0xfe) || (x == 0xfe && y == 0xff);
    }
}
