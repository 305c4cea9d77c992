package dev.cadet.parsers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Gzip decompression that says exactly what went wrong and does not inflate without bound.
 *
 * <p>Written on {@link Inflater} rather than {@code GZIPInputStream} because that class decides whether
 * another member follows from {@code available()}, so a second member ({@code cat a.gz b.gz}) whose
 * start is not yet buffered is silently dropped, and it ignores trailing bytes that are not gzip. Here
 * members are read until the input ends, each is checked against its CRC-32 and length, and anything
 * after the last member is reported. Failures say whether the data was cut short, corrupt, followed by
 * other bytes, or beyond a {@link GzipLimits limit}.
 */
final class GzipGuard extends InputStream {

    /** Compressed bytes read at a time. A buffer per file: a scan opens each file twice, and delivery files are ~200 KB. */
    private static final int BUFFER = 16 * 1024;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED_FLAGS = 0xe0;

    private final InputStream source;
    private final GzipLimits limits;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int len;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    /** Bytes taken from the source so far. */
    private long taken;
    private long produced;
    private long memberProduced;
    private boolean done;

    private GzipGuard(InputStream source, GzipLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    /** Reads the first gzip header at once, so a bad header is reported before any JSON is looked at. */
    static GzipGuard open(InputStream compressed, GzipLimits limits) throws IOException {
        GzipGuard guard = new GzipGuard(compressed, limits);
        guard.header(guard.next(), true);
        return guard;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        while (!done) {
            int n;
            try {
                n = inflater.inflate(b, off, count);
            } catch (DataFormatException e) {
                throw corrupt("the compressed data is corrupt (" + e.getMessage() + ")");
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberProduced += n;
                produced += n;
                checkLimits();
                return n;
            }
            if (inflater.finished()) {
                endOfMember();
            } else if (inflater.needsDictionary()) {
                throw corrupt("the compressed data is corrupt (it asks for a preset dictionary)");
            } else if (inflater.needsInput()) {
                if (pos == len && !fill()) {
                    throw truncated("the compressed data ends early");
                }
                inflater.setInput(buf, pos, len - pos);
                pos = len;
            }
        }
        return -1;
    }

    /** Checks the member's trailer, then reads the next member's header, or ends at the end of input. */
    private void endOfMember() throws IOException {
        pos = len - inflater.getRemaining();
        long expectedCrc = uint32();
        long expectedSize = uint32();
        if (expectedCrc != crc.getValue() || expectedSize != (memberProduced & 0xffffffffL)) {
            throw corrupt("the compressed data is corrupt (its checksum or length does not match the content)");
        }
        int first = next();
        if (first < 0) {
            done = true;
            inflater.end();
            return;
        }
        header(first, false);
        inflater.reset();
        crc.reset();
        memberProduced = 0;
    }

    /** A gzip member header (RFC 1952) whose first byte, already read, is {@code first}. */
    private void header(int first, boolean firstMember) throws IOException {
        int second = first == 0x1f ? next() : -2;
        if (second != 0x8b) {
            if (firstMember) {
                throw corrupt("bad gzip header (not in gzip format)");
            }
            long trailing = 1 + (second == -2 ? 0 : second < 0 ? 0 : 1) + skipToEnd();
            done = true;
            throw new CompressedDataException(CompressedDataException.Kind.TRAILING_DATA,
                    Texts.count(trailing, "byte") + " after the end of the gzip data are not gzip and were not read",
                    null);
        }
        int method = headerByte();
        if (method != 8) {
            throw corrupt("bad gzip header (unsupported compression method " + method + ")");
        }
        int flags = headerByte();
        if ((flags & RESERVED_FLAGS) != 0) {
            throw corrupt("bad gzip header (reserved flags set)");
        }
        for (int i = 0; i < 6; i++) {
            headerByte(); // modification time, extra flags, operating system
        }
        if ((flags & FEXTRA) != 0) {
            int extra = headerByte() | headerByte() << 8;
            for (int i = 0; i < extra; i++) {
                headerByte();
            }
        }
        if ((flags & FNAME) != 0) {
            while (headerByte() != 0) {
                // the original file name: not used
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (headerByte() != 0) {
                // a comment: not used
            }
        }
        if ((flags & FHCRC) != 0) {
            headerByte();
            headerByte();
        }
    }

    private void checkLimits() throws CompressedDataException {
        if (produced > limits.maxBytes()) {
            throw overLimit("it decompresses to more than " + Texts.bytes(limits.maxBytes())
                    + ", the limit for one file; a gzip bomb, or a file to split or read with a higher limit");
        }
        long consumed = taken - inflater.getRemaining();
        if (produced > GzipLimits.RATIO_GRACE_BYTES && produced > (double) limits.maxRatio() * consumed) {
            throw overLimit("it expands more than " + limits.maxRatio() + " times (" + Texts.bytes(consumed)
                    + " of compressed data became " + Texts.bytes(produced) + "), far beyond any audit log; "
                    + "a gzip bomb");
        }
    }

    private int headerByte() throws IOException {
        int b = next();
        if (b < 0) {
            throw truncated("the gzip header is cut short");
        }
        return b;
    }

    private long uint32() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int b = next();
            if (b < 0) {
                throw truncated("the compressed data ends early (in the gzip trailer)");
            }
            v |= (long) b << (8 * i);
        }
        return v;
    }

    /** The next raw byte, or -1 at the end of input. */
    private int next() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = source.read(buf, 0, buf.length);
        if (n <= 0) {
            // read() blocks until it has a byte; 0 only comes from a misbehaving stream, taken as the end.
            return false;
        }
        pos = 0;
        len = n;
        taken += n;
        return true;
    }

    /** Counts what is left in the input, without keeping it. */
    private long skipToEnd() throws IOException {
        long n = len - pos;
        pos = len;
        while (fill()) {
            n += len;
            pos = len;
        }
        return n;
    }

    private static CompressedDataException truncated(String detail) {
        return new CompressedDataException(CompressedDataException.Kind.TRUNCATED, detail, null);
    }

    private static CompressedDataException corrupt(String detail) {
        return new CompressedDataException(CompressedDataException.Kind.CORRUPT, detail, null);
    }

    private static CompressedDataException overLimit(String detail) {
        return new CompressedDataException(CompressedDataException.Kind.OVER_LIMIT, detail, null);
    }

    /** Frees the inflater's native memory; nothing may be read after. The source stays open. */
    void end() {
        inflater.end();
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        source.close();
    }
}
