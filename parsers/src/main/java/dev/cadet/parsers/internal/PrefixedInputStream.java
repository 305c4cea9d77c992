package dev.cadet.parsers.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes already read (to sniff the content) followed by the rest of the stream. If reading the prefix
 * failed, the failure is raised again once the prefix is used up, so the parser meets it exactly where
 * the data stops.
 */
final class PrefixedInputStream extends InputStream {

    private final byte[] prefix;
    private int pos;
    private final int end;
    private final InputStream rest;
    private final IOException failure;

    PrefixedInputStream(byte[] prefix, int offset, int length, InputStream rest, IOException failure) {
        this.prefix = prefix;
        this.pos = offset;
        this.end = offset + length;
        this.rest = rest;
        this.failure = failure;
    }

    @Override
    public int read() throws IOException {
        if (pos < end) {
            return prefix[pos++] & 0xff;
        }
        if (failure != null) {
            throw failure;
        }
        return rest.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos < end) {
            int n = Math.min(len, end - pos);
            System.arraycopy(prefix, pos, b, off, n);
            pos += n;
            return n;
        }
        if (failure != null) {
            throw failure;
        }
        return rest.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
