package dev.cadet.detectors.internal;

import java.util.List;

/** Patterns with {@code *} as the only wildcard, for approved principals and documents. */
public final class Glob {

    private Glob() {
    }

    /** True when any pattern matches {@code text}. */
    public static boolean any(List<String> patterns, String text) {
        if (text == null) {
            return false;
        }
        for (String p : patterns) {
            if (matches(p, text)) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} matches any run of characters (including none); everything else matches itself. */
    public static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                // Let the last star swallow one more character and retry from there.
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
