package dev.cadet.reports.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTextTest {

    // A text block line starting with # is a comment, hence the quotes around "# heading".
    @ParameterizedTest
    @CsvSource(delimiter = '→', quoteCharacter = '"', textBlock = """
            | a | b                    → \\| a \\| b
            `rm -rf /`               → \\`rm -rf /\\`
            <script>alert(1)</script> → &lt;script&gt;alert(1)&lt;/script&gt;
            [x](http://evil)         → \\[x\\](http://evil)
            ![i](http://evil/i.png)  → \\!\\[i\\](http://evil/i.png)
            "# heading"              → \\# heading
            a # b                    → a \\# b
            file.json#12             → file.json#12
            *em* **strong**          → \\*em\\* \\*\\*strong\\*\\*
            _em_ snake_case_name     → \\_em\\_ snake_case_name
            ~~strike~~ $x$           → \\~\\~strike\\~\\~ \\$x\\$
            back\\slash              → back\\\\slash
            &lt; &amp;               → &amp;lt; &amp;amp;
            > quote                  → &gt; quote
            - item                   → \\- item
            + item                   → \\+ item
            ===                      → \\===
            -2+3                     → \\-2+3
            1. ordered               → 1\\. ordered
            12) ordered              → 12\\) ordered
            203.0.113.7              → 203.0.113.7
            arn:aws:iam::1:user/a    → arn:aws:iam::1:user/a
            """)
    void inlineEscapesEveryMarkdownMeaning(String raw, String expected) {
        assertThat(MarkdownText.inline(raw)).isEqualTo(expected);
    }

    @Test
    void inlineKeepsOneLineAndMakesHiddenCharactersVisible() {
        assertThat(MarkdownText.inline("a\r\nb\nc\rd\te")).isEqualTo("a b c d e");
        assertThat(MarkdownText.inline("\u001b[31mred")).isEqualTo("\uFFFD\\[31mred");
        assertThat(MarkdownText.inline("\u202eevil\u2066")).isEqualTo("\uFFFDevil\uFFFD");
        assertThat(MarkdownText.inline("nul\u0000 c1\u009b")).isEqualTo("nul\uFFFD c1\uFFFD");
        assertThat(MarkdownText.inline("para\u2029graph\u2028line")).isEqualTo("para graph line");
    }

    @Test
    void inlineDropsOuterSpacesSoTextCannotIndentOrBreakALine() {
        assertThat(MarkdownText.inline("    code")).isEqualTo("code");
        assertThat(MarkdownText.inline("  - item")).isEqualTo("\\- item");
        assertThat(MarkdownText.inline("hard break  ")).isEqualTo("hard break");
        assertThat(MarkdownText.inline(null)).isEmpty();
    }

    @Test
    void codeBlockFenceIsLongerThanAnyBacktickRun() {
        assertThat(MarkdownText.codeBlock("echo hi", "sh", "")).isEqualTo("```sh\necho hi\n```\n");
        assertThat(MarkdownText.codeBlock("a ``` b", "sh", "")).isEqualTo("````sh\na ``` b\n````\n");
        assertThat(MarkdownText.codeBlock("````\n```", "text", "")).isEqualTo("`````text\n````\n```\n`````\n");
    }

    @Test
    void codeBlockIndentsEveryLineAndNormalisesLineBreaks() {
        assertThat(MarkdownText.codeBlock("one\r\ntwo\rthree\n\nfive\n", "sh", "  "))
                .isEqualTo("  ```sh\n  one\n  two\n  three\n  \n  five\n  ```\n");
        assertThat(MarkdownText.codeBlock("", "sh", "  ")).isEqualTo("  ```sh\n  ```\n");
    }

    @Test
    void codeBlockKeepsMarkdownButNotControls() {
        assertThat(MarkdownText.codeBlock("# x | <b> \u001b[2J \u202e", "text", ""))
                .isEqualTo("```text\n# x | <b> \uFFFD[2J \uFFFD\n```\n");
    }

    @Test
    void anchorsFollowTheHeadingSlugRule() {
        assertThat(MarkdownText.anchor("F-0001")).isEqualTo("f-0001");
        assertThat(MarkdownText.anchor("INC-001")).isEqualTo("inc-001");
        assertThat(MarkdownText.anchor("A b_c!")).isEqualTo("a-b_c");
        assertThat(MarkdownText.anchor("x)(javascript:alert(1)")).isEqualTo("xjavascriptalert1");
        assertThat(MarkdownText.linkToHeading("F-0001")).isEqualTo("[F-0001](#f-0001)");
    }

    @Test
    void backtickRuns() {
        assertThat(MarkdownText.longestBacktickRun("a `` b ````` c")).isEqualTo(5);
        assertThat(MarkdownText.longestBacktickRun("none")).isZero();
    }
}
