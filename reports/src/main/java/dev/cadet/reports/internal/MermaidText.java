package dev.cadet.reports.internal;

/**
 * The one place that turns untrusted text into a Mermaid node label. Mermaid has no escape that every
 * renderer honours (entity codes such as {@code #35;} are decoded in some versions and not others,
 * and labels may be rendered as HTML), so a label keeps only a subset that has no meaning in a
 * quoted flowchart label: letters and digits of any script, space, and {@code . , : / @ _ - + = ( ) ' ? *}.
 * Every other character becomes {@code ?}; the label is on one line and capped in length. The exact
 * values are in the tables beside the diagram.
 */
public final class MermaidText {

    /** ASCII punctuation that is inert inside {@code ["..."]}: no quote, entity, comment, markup, math or fence. */
    static final String ALLOWED_PUNCTUATION = ".,:/@_-+=()'?*";

    /** Characters a label keeps of one value; longer values are cut with an ellipsis. */
    static final int MAX_VALUE = 80;

    private MermaidText() {
    }

    /** {@code raw} as safe label text; {@code null} becomes the empty string. */
    public static String label(String raw) {
        String s = Text.truncate(Text.oneLine(raw).strip(), MAX_VALUE);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(isSafe(cp) ? cp : '?'));
        return b.toString();
    }

    /** True for a code point that {@link #label} keeps. */
    public static boolean isSafe(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ' '
                    || ALLOWED_PUNCTUATION.indexOf(cp) >= 0;
        }
        // The ellipsis marks a cut value; letters and digits of other scripts are inert.
        return cp == '…' || (Character.isLetterOrDigit(cp) && !Text.isHidden(cp));
    }
}
