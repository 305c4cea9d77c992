package dev.cadet.parsers.internal;

/**
 * How far one gzip input may expand before reading stops: a gzip bomb (a few kilobytes that inflate to
 * gigabytes) must cost seconds, not hours or the disk. Audit logs compress 5 to 30 times; deflate cannot
 * exceed about 1,032 times, which is what bombs of repeated bytes reach.
 *
 * @param maxBytes most decompressed bytes of one input
 * @param maxRatio most decompressed bytes per compressed byte, judged once {@link #RATIO_GRACE_BYTES} are out
 */
public record GzipLimits(long maxBytes, int maxRatio) {

    /** 16 GiB: many times the largest CloudTrail file, and still readable in under a minute. */
    public static final long DEFAULT_MAX_BYTES = 16L << 30;
    /** Far above real logs (5 to 30), well below what bombs reach (about 1,000). */
    public static final int DEFAULT_MAX_RATIO = 200;
    /** Small inputs are never judged by their ratio: a few repeated records compress very well. */
    public static final long RATIO_GRACE_BYTES = 64L << 20;

    public static final GzipLimits DEFAULT = new GzipLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_RATIO);

    public GzipLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be > 0, was " + maxBytes);
        }
        if (maxRatio <= 0) {
            throw new IllegalArgumentException("maxCompressionRatio must be > 0, was " + maxRatio);
        }
    }
}
