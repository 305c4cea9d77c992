package dev.cadet.parsers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static dev.cadet.parsers.Reads.utf8;

/**
 * Generators of hostile inputs: everything is made by code at test time, so the corpus stays small in
 * the repository and huge inputs are streamed rather than held.
 */
final class Hostile {

    private Hostile() {
    }

    /** A records file with one record per line, so that lines and columns are easy to state. */
    static String recordsFile(String... records) {
        return "{\"Records\":[\n" + String.join(",\n", records) + "\n]}\n";
    }

    /** A valid record with a distinct id. */
    static String record(int i) {
        return Reads.record("ssm.amazonaws.com", "SendCommand", null).replace("ev-SendCommand", "ev-" + i);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Gzip at a chosen level: level 0 stores the data, so the compressed size is predictable. */
    static byte[] gzip(byte[] data, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A gzip bomb that is valid JSON: a records file whose records are followed by {@code padding} bytes of
     * spaces before the array closes. Spaces compress about 1,000 times, like the zeros of a classic bomb,
     * but unlike zeros they get past the format sniffer.
     */
    static byte[] whitespaceBomb(long padding, String... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(utf8("{\"Records\":[\n" + String.join(",\n", records) + (records.length > 0 ? "," : "")));
            byte[] spaces = new byte[64 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (long left = padding; left > 0; left -= spaces.length) {
                gz.write(spaces, 0, (int) Math.min(left, spaces.length));
            }
            gz.write(utf8("\n" + Reads.record("ssm.amazonaws.com", "StartSession", null) + "]}\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A stream of {@code head}, then {@code count} copies of {@code fill}, then {@code tail}, never held whole. */
    static InputStream repeated(String head, byte fill, long count, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long pos;
            private final long total = h.length + count + t.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - pos);
                for (int i = 0; i < n; i++, pos++) {
                    if (pos < h.length) {
                        b[off + i] = h[(int) pos];
                    } else if (pos < h.length + count) {
                        b[off + i] = fill;
                    } else {
                        b[off + i] = t[(int) (pos - h.length - count)];
                    }
                }
                return n;
            }
        };
    }

    /** Writes {@code n} bytes of {@code b} to {@code out}. */
    static void fill(OutputStream out, byte b, long n) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, b);
        for (long left = n; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(left, chunk.length));
        }
    }
}
