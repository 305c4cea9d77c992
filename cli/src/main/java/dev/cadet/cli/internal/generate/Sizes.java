package dev.cadet.cli.internal.generate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes as people write them: {@code 400MB}, {@code 1GB}, {@code 2.5GB}, {@code 512MiB}, {@code 1000}. */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b?|b)?");

    private Sizes() {
    }

    /**
     * Bytes of a size. {@code KB}, {@code MB}, {@code GB}, {@code TB} are powers of 1000 (as throughput in
     * MB/s is), {@code KiB}, {@code MiB}, {@code GiB}, {@code TiB} powers of 1024; a bare number is bytes.
     *
     * @throws IllegalArgumentException naming the text when it is not a size or not positive
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("size must look like 400MB, 1GB or 512MiB, was '" + text + "'");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        boolean binary = unit.contains("i");
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(binary ? 1024 : 1000, power);
        if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("size must be at least 1 byte and at most a few exabytes, was '"
                    + text + "'");
        }
        return (long) bytes;
    }

    /** {@code 1.23 GB}, {@code 456.7 MB}: decimal units, three significant figures. */
    public static String format(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s"
                : "%.2f %s", v, units[u]);
    }
}
