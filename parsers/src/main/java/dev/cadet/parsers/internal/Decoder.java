package dev.cadet.parsers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw input bytes into UTF-8 JSON text plus a prefix to sniff: gzip is recognised by its magic
 * bytes (never by the file name) and decompressed, a UTF-8 byte order mark is dropped, UTF-16 and UTF-32
 * (with or without a byte order mark) are re-encoded.
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
     * @param failure the error that stopped reading the prefix, or {@code null}; {@code body} raises it again
     * @param end     frees the decompressor of a gzip input (nothing for plain input); see {@link #release}
     */
    public record Decoded(byte[] prefix, int offset, int length, InputStream body, IOException failure,
                          Runnable end) {
    }

    public static Decoded open(InputStream raw) throws IOException {
        return open(raw, GzipLimits.DEFAULT);
    }

    /** Decodes with the given bounds on gzip expansion. */
    public static Decoded open(InputStream raw, GzipLimits limits) throws IOException {
        return open(raw, limits, Long.MAX_VALUE);
    }

    /**
     * Decodes at most {@code maxContent} bytes of content (after decompression, before re-encoding): the content
     * ends there, as if the input did, and the rest is never decompressed.
     */
    public static Decoded open(InputStream raw, GzipLimits limits, long maxContent) throws IOException {
        byte[] magic = new byte[2];
        int m = raw.readNBytes(magic, 0, 2);
        InputStream content = new PrefixedInputStream(magic, 0, m, raw, null);
        Runnable end = NOTHING;
        if (m == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            GzipGuard gunzip = GzipGuard.open(content, limits);
            content = gunzip;
            end = gunzip::end;
        }
        if (maxContent < Long.MAX_VALUE) {
            content = new Bounded(content, maxContent);
        }
        return sniffPrefix(content, end, true, (int) Math.min(SNIFF_BYTES, maxContent));
    }

    private static final Runnable NOTHING = () -> { };

    /**
     * Frees what decoding holds, once nothing reads the decoded content any more: the decompressor's native memory
     * at once, not when the collector next runs (an input read only in part, such as a file's head, never reaches
     * the end of its gzip data, where it would be freed anyway), and the prefix's buffer, kept for the next input
     * this thread decodes (a scan decodes each file twice, its head and then all of it, and a new buffer each
     * time was a fifth of everything a scan allocated). The raw input is not closed.
     */
    public static void release(Decoded decoded) {
        decoded.end().run();
        if (decoded.prefix().length == SNIFF_BYTES) {
            SPARE.set(decoded.prefix());
        }
    }

    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    /** {@code sniffBytes}: how large a prefix to read, at most {@link #SNIFF_BYTES}. */
    private static Decoded sniffPrefix(InputStream content, Runnable end, boolean mayTranscode, int sniffBytes) {
        byte[] buf = SPARE.get();
        if (buf == null) {
            buf = new byte[SNIFF_BYTES];
        } else {
            SPARE.set(null); // until released: the decoded content reads from it
        }
        int n = 0;
        IOException failure = null;
        try {
            while (n < sniffBytes) {
                int r = content.read(buf, n, sniffBytes - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            failure = e;
        }
        int offset = 0;
        Wide wide = mayTranscode ? wide(buf, n) : null;
        if (n >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
            offset = 3;
        } else if (wide != null) {
            InputStream rest = new PrefixedInputStream(buf, wide.bom, n - wide.bom, content, failure);
            InputStreamReader reader = new InputStreamReader(rest, wide.charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            return sniffPrefix(new TranscodingInputStream(reader), end, false, SNIFF_BYTES);
        }
        InputStream body = new PrefixedInputStream(buf, offset, n - offset, content, failure);
        return new Decoded(buf, offset, n - offset, body, failure, end);
    }

    /** The first bytes of a stream only: it ends after {@code remaining} bytes. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            remaining -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return len == 0 ? 0 : -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            remaining -= Math.max(n, 0);
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A UTF-16 or UTF-32 encoding, and the length of its byte order mark (0 when there is none). */
    private record Wide(Charset charset, int bom) {
    }

    /**
     * UTF-16 or UTF-32, told by a byte order mark or, without one, by where the zero bytes are: JSON starts
     * with an ASCII character, so its first code unit is mostly zeros (RFC 4627, section 3). Such input is
     * re-encoded to UTF-8, so that excerpts and line splitting see the text as it reads.
     */
    private static Wide wide(byte[] b, int n) {
        int b0 = n > 0 ? b[0] & 0xff : -1;
        int b1 = n > 1 ? b[1] & 0xff : -1;
        int b2 = n > 2 ? b[2] & 0xff : -1;
        int b3 = n > 3 ? b[3] & 0xff : -1;
        if (b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) {
            return new Wide(Charset.forName("UTF-32BE"), 4);
        }
        if (b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) {
            return new Wide(Charset.forName("UTF-32LE"), 4);
        }
        if (b0 == 0xff && b1 == 0xfe) {
            return new Wide(StandardCharsets.UTF_16LE, 2);
        }
        if (b0 == 0xfe && b1 == 0xff) {
            return new Wide(StandardCharsets.UTF_16BE, 2);
        }
        if (n < 4) {
            return null;
        }
        if (b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return new Wide(Charset.forName("UTF-32BE"), 0);
        }
        if (b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return new Wide(Charset.forName("UTF-32LE"), 0);
        }
        if (b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
            return new Wide(StandardCharsets.UTF_16BE, 0);
        }
        if (b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
            return new Wide(StandardCharsets.UTF_16LE, 0);
        }
        return null;
    }
}
