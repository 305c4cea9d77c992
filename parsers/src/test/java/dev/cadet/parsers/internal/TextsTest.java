package dev.cadet.parsers.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TextsTest {

    @Test
    void countsReadAsSentences() {
        assertThat(Texts.count(0, "record")).isEqualTo("0 records");
        assertThat(Texts.count(1, "record")).isEqualTo("1 record");
        assertThat(Texts.count(1234567, "record")).isEqualTo("1,234,567 records");
    }

    @Test
    void numbersAreGroupedByThousandsLikeTheFormatter() {
        for (long n : new long[] {0, 7, -7, 999, 1000, -1000, 12_345, 999_999, 1_000_000, -123_456_789,
                Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(Texts.number(n)).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", n));
        }
    }

    @Test
    void capNeverSplitsASurrogatePair() {
        assertThat(Texts.cap("abcdef", 6)).isEqualTo("abcdef");
        assertThat(Texts.cap("abcdef", 4)).isEqualTo("abc\u2026");
        assertThat(Texts.cap("ab\uD83D\uDE00cd", 4)).isEqualTo("ab\u2026");
    }

    @Test
    void parserMessagesLoseTheirSourceNoise() {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> {
            try (JsonParser p = Json.parser("[1, 2")) {
                while (p.nextToken() != null) {
                    p.skipChildren();
                }
            }
        });
        assertThat(Texts.parserMessage(e)).isEqualTo("Unexpected end-of-input: expected close marker for Array");
    }
}
