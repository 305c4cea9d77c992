package dev.cadet.parsers.internal;

/** Choosing among fields a log may or may not fill. */
public final class Nulls {

    private Nulls() {
    }

    /** The first value that is not {@code null}, or {@code null}. */
    @SafeVarargs
    public static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
