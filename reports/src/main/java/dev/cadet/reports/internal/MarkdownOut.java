package dev.cadet.reports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Lines of Markdown to a writer; every line ends with LF whatever the platform. */
final class MarkdownOut {

    private final Writer out;

    MarkdownOut(Writer out) {
        this.out = out;
    }

    /** Writes one line of Markdown made by the writer (callers escape what they put in it). */
    MarkdownOut line(String markdown) {
        return raw(markdown).raw("\n");
    }

    MarkdownOut blank() {
        return raw("\n");
    }

    /** Writes Markdown as is: a code block from {@link MarkdownText#codeBlock}, or a built table. */
    MarkdownOut raw(String markdown) {
        try {
            out.write(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A heading the writer chose; its text is escaped all the same. */
    MarkdownOut heading(int level, String text) {
        return line("#".repeat(level) + " " + MarkdownText.inline(text)).blank();
    }
}
