package dev.cadet.parsers.internal;

import java.io.IOException;

/** The gzip layer of an input is broken or refused. Told apart from other I/O errors in reports. */
public final class CompressedDataException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the compressed data; each names itself at the start of a file error. */
    public enum Kind {
        /** The data ends early: a partial download or copy. */
        TRUNCATED("truncated gzip"),
        /** The data is damaged. */
        CORRUPT("corrupt gzip"),
        /** Everything gzip was read, and bytes that are not gzip follow it. */
        TRAILING_DATA("gzip followed by other data"),
        /** Decompressing would go beyond a {@link GzipLimits limit}. */
        OVER_LIMIT("gzip refused");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;

    public CompressedDataException(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
