package dev.cadet.reports.internal;

import java.util.Locale;

/**
 * The one place that turns untrusted text into Markdown (CommonMark with GitHub tables). Escaped
 * text renders as the literal characters it holds: it cannot open a heading, list, quote, link,
 * image, emphasis, code span, table cell or raw HTML, and it cannot carry terminal escapes or
 * bidirectional overrides.
 */
public final class MarkdownText {

    /** ASCII punctuation that has a meaning wherever it stands in CommonMark or GitHub Markdown. */
    private static final String ALWAYS_BACKSLASHED = "\\`*[]!|~$";

    private MarkdownText() {
    }

    /**
     * Text for anywhere inside a line, table cells included: on one line, hidden characters made
     * visible, {@code & < >} as entities, Markdown punctuation and {@code |} backslash-escaped, and
     * a leading list or heading-underline marker escaped in case a line starts with it. Two marks
     * are left alone where they are inert, to keep identifiers readable: {@code _} between two
     * ASCII letters or digits (it can neither open nor close emphasis there) and {@code #} right
     * after one ({@code file#3} can start neither a heading nor a reference). Spaces at
     * either end are dropped (renderers drop them too), so the text cannot open an indented code
     * block or end in a hard line break. {@code null} becomes the empty string.
     */
    public static String inline(String raw) {
        String s = strip(Text.oneLine(raw));
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (ALWAYS_BACKSLASHED.indexOf(c) >= 0
                            || (c == '_' && !(isAsciiAlnum(s, i - 1) && isAsciiAlnum(s, i + 1)))
                            || (c == '#' && !isAsciiAlnum(s, i - 1))
                            || (i == 0 && (c == '-' || c == '+' || c == '='))
                            || isOrderedListMarker(s, i)) {
                        b.append('\\');
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isAsciiAlnum(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * True for the {@code .} or {@code )} of a leading {@code 123. } or {@code 123)}: an ordered list
     * if a line started with it. CommonMark needs up to nine digits and a space or the end after the mark.
     */
    private static boolean isOrderedListMarker(String s, int i) {
        char c = s.charAt(i);
        if ((c != '.' && c != ')') || i == 0 || i > 9 || (i + 1 < s.length() && s.charAt(i + 1) != ' ')) {
            return false;
        }
        for (int k = 0; k < i; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A fenced code block holding {@code raw} verbatim except for hidden characters (made visible) and
     * line breaks (normalised to LF). The fence is one backtick longer than the longest backtick run
     * in the content (at least three), so no line of content can close it; every line, blank ones
     * included, starts with {@code indent} so that a block inside a list item cannot fall out of it.
     * Ends with a line feed.
     *
     * @param info   info string after the opening fence, written as given (writer-made, for example {@code sh})
     * @param indent spaces put before every line
     */
    public static String codeBlock(String raw, String info, String indent) {
        String content = Text.visible(raw == null ? "" : raw).replace("\r\n", "\n").replace('\r', '\n');
        if (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        String fence = "`".repeat(Math.max(3, longestBacktickRun(content) + 1));
        StringBuilder b = new StringBuilder(content.length() + 32);
        b.append(indent).append(fence).append(info).append('\n');
        if (!content.isEmpty()) {
            for (String line : content.split("\n", -1)) {
                b.append(indent).append(line).append('\n');
            }
        }
        b.append(indent).append(fence).append('\n');
        return b.toString();
    }

    static int longestBacktickRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * The anchor a renderer gives a heading whose whole text is {@code id} (GitHub, GitLab and most
     * editors agree for ids made of letters, digits, {@code -} and {@code _}): lower case, spaces as
     * {@code -}, everything else dropped. Only letters, digits, {@code -} and {@code _} can come out,
     * so the anchor is always a safe link destination.
     */
    public static String anchor(String id) {
        String s = Text.oneLine(id).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                b.appendCodePoint(cp);
            } else if (cp == ' ') {
                b.append('-');
            }
        });
        return b.toString();
    }

    /** A link to a heading of this report whose text is {@code id}: {@code [id](#anchor)}. */
    public static String linkToHeading(String id) {
        return "[" + inline(id) + "](#" + anchor(id) + ")";
    }
}
