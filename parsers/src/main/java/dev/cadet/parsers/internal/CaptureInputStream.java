package dev.cadet.parsers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Remembers the latest bytes handed to the parser, so that a rejected record can be quoted from its
 * raw text without keeping the file in memory. The start of the current record is pinned: if the
 * record is larger than the window, its first bytes are saved before they would be overwritten.
 * Costs one copy of the input into a fixed ring; memory does not grow with the file.
 */
final class CaptureInputStream extends InputStream {

    private final InputStream in;
    private final byte[] ring;
    private final int captureBytes;
    private final byte[] one = new byte[1];
    private long total;
    private long pinStart = -1;
    private byte[] saved;
    private int savedLength;

    CaptureInputStream(InputStream in, int captureBytes) {
        this.in = in;
        this.captureBytes = captureBytes;
        // Room for the parser's read-ahead (8 KB) plus the excerpt, with margin.
        this.ring = new byte[Math.max(64 * 1024, captureBytes * 2 + 32 * 1024)];
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        if (c >= 0) {
            one[0] = (byte) c;
            remember(one, 0, 1);
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            remember(b, off, n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Marks the byte offset where the current record starts. */
    void pin(long start) {
        pinStart = start;
        saved = null;
        savedLength = 0;
    }

    /**
     * The raw text of {@code [start, end)}, at most the capture size, or {@code null} when those bytes are
     * gone. {@code end < 0} means "as far as known".
     */
    String excerpt(long start, long end) {
        if (start < 0) {
            return null;
        }
        long limit = start + captureBytes;
        if (end > start) {
            limit = Math.min(limit, end);
        }
        if (saved != null && start == pinStart) {
            if (savedLength == 0) {
                return null;
            }
            int n = (int) Math.min(savedLength, limit - start);
            return new String(saved, 0, n, StandardCharsets.UTF_8);
        }
        limit = Math.min(limit, total);
        if (start < total - ring.length || limit <= start) {
            return null;
        }
        int n = (int) (limit - start);
        byte[] out = new byte[n];
        int pos = (int) (start % ring.length);
        int first = Math.min(n, ring.length - pos);
        System.arraycopy(ring, pos, out, 0, first);
        System.arraycopy(ring, 0, out, first, n - first);
        return new String(out, StandardCharsets.UTF_8);
    }

    private void remember(byte[] b, int off, int n) {
        long newTotal = total + n;
        if (pinStart >= 0 && saved == null && pinStart < newTotal - ring.length) {
            savePinned(b, off, n);
        }
        if (n >= ring.length) {
            int skip = n - ring.length;
            int pos = (int) ((total + skip) % ring.length);
            int first = ring.length - pos;
            System.arraycopy(b, off + skip, ring, pos, first);
            System.arraycopy(b, off + skip + first, ring, 0, ring.length - first);
        } else {
            int pos = (int) (total % ring.length);
            int first = Math.min(n, ring.length - pos);
            System.arraycopy(b, off, ring, pos, first);
            System.arraycopy(b, off + first, ring, 0, n - first);
        }
        total = newTotal;
    }

    /** Saves the pinned window, partly from the ring (already delivered) and partly from the new bytes. */
    private void savePinned(byte[] b, int off, int n) {
        saved = new byte[captureBytes];
        long end = pinStart + captureBytes;
        long from = Math.max(pinStart, total - ring.length);
        if (from > pinStart) {
            // The record start had already left the window; nothing faithful to quote.
            savedLength = 0;
            return;
        }
        int length = 0;
        for (long i = from; i < Math.min(end, total); i++) {
            saved[length++] = ring[(int) (i % ring.length)];
        }
        long newFrom = Math.max(pinStart, total);
        long newTo = Math.min(end, total + n);
        if (newTo > newFrom) {
            int count = (int) (newTo - newFrom);
            System.arraycopy(b, off + (int) (newFrom - total), saved, length, count);
            length += count;
        }
        savedLength = length;
    }
}
