package dev.cadet.parsers.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) without decoding it, for JSON Lines.
 * Memory is bounded by the longest line, and a line over {@link #MAX_LINE_BYTES} is consumed but not kept.
 */
final class LineSplitter {

    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkLen;
    private boolean eof;
    private byte[] line = new byte[16 * 1024];
    private int lineLen;
    private boolean overlong;
    private long lineNumber;

    LineSplitter(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of input. */
    boolean next() throws IOException {
        lineLen = 0;
        overlong = false;
        boolean pending = false;
        while (true) {
            if (chunkPos == chunkLen) {
                if (eof) {
                    return finish(pending);
                }
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) {
                    eof = true;
                    return finish(pending);
                }
                chunkPos = 0;
                chunkLen = n;
            }
            int nl = chunkPos;
            while (nl < chunkLen && chunk[nl] != '\n') {
                nl++;
            }
            append(chunkPos, nl - chunkPos);
            pending = true;
            if (nl < chunkLen) {
                chunkPos = nl + 1;
                return finish(true);
            }
            chunkPos = chunkLen;
        }
    }

    private boolean finish(boolean pending) {
        if (!pending) {
            return false;
        }
        if (lineLen > 0 && line[lineLen - 1] == '\r') {
            lineLen--;
        }
        lineNumber++;
        return true;
    }

    private void append(int from, int count) {
        if (overlong || count == 0) {
            return;
        }
        if ((long) lineLen + count > MAX_LINE_BYTES) {
            overlong = true;
            return;
        }
        if (lineLen + count > line.length) {
            int size = line.length;
            while (size < lineLen + count) {
                size = (int) Math.min((long) size * 2, MAX_LINE_BYTES);
            }
            byte[] bigger = new byte[size];
            System.arraycopy(line, 0, bigger, 0, lineLen);
            line = bigger;
        }
        System.arraycopy(chunk, from, line, lineLen, count);
        lineLen += count;
    }

    byte[] buffer() {
        return line;
    }

    /** Bytes of the current line (without the line break); the start of it when {@link #overlong()}. */
    int length() {
        return lineLen;
    }

    boolean overlong() {
        return overlong;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }
}
