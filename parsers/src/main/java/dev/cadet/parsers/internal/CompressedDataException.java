package dev.cadet.parsers.internal;

import java.io.IOException;

/** The gzip layer of an input is broken: cut short, or corrupt. Told apart from other I/O errors in reports. */
public final class CompressedDataException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean truncated;

    public CompressedDataException(boolean truncated, String detail, Throwable cause) {
        super(detail, cause);
        this.truncated = truncated;
    }

    /** True when the compressed data simply ends early (a partial download or copy). */
    public boolean truncated() {
        return truncated;
    }
}
