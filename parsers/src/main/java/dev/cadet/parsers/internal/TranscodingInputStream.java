package dev.cadet.parsers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Re-encodes text to UTF-8, so that UTF-16 exports (what Windows PowerShell redirection writes) are
 * read by the same byte-oriented parser, with byte offsets that the excerpts rely on.
 */
final class TranscodingInputStream extends InputStream {

    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 16);
    private boolean endOfInput;
    private boolean flushed;

    TranscodingInputStream(Reader reader) {
        this.reader = reader;
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    /** Encodes the next chunk; false once everything has been delivered. */
    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        bytes.clear();
        if (!endOfInput) {
            chars.compact();
            int r = reader.read(chars);
            chars.flip();
            if (r < 0) {
                endOfInput = true;
            }
        }
        CoderResult result = encoder.encode(chars, bytes, endOfInput);
        if (result.isError()) {
            result.throwException();
        }
        if (endOfInput && !chars.hasRemaining()) {
            encoder.flush(bytes);
            flushed = true;
        }
        bytes.flip();
        return bytes.hasRemaining() || !flushed;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
