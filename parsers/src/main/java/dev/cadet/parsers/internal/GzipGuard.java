package dev.cadet.parsers.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Gzip decompression whose failures say whether the data was cut short or corrupt. */
final class GzipGuard extends FilterInputStream {

    private static final int BUFFER = 64 * 1024;

    private GzipGuard(InputStream gunzip) {
        super(gunzip);
    }

    /** Reads the gzip header at once, so a bad header is reported before any JSON is looked at. */
    static InputStream open(InputStream compressed) throws IOException {
        try {
            return new GzipGuard(new GZIPInputStream(compressed, BUFFER));
        } catch (EOFException e) {
            throw new CompressedDataException(true, "the gzip header is cut short", e);
        } catch (ZipException e) {
            throw new CompressedDataException(false, "bad gzip header (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (EOFException e) {
            throw truncated(e);
        } catch (ZipException e) {
            throw corrupt(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (EOFException e) {
            throw truncated(e);
        } catch (ZipException e) {
            throw corrupt(e);
        }
    }

    private static CompressedDataException truncated(EOFException e) {
        return new CompressedDataException(true, "the compressed data ends early", e);
    }

    private static CompressedDataException corrupt(ZipException e) {
        return new CompressedDataException(false, "the compressed data is corrupt (" + e.getMessage() + ")", e);
    }
}
