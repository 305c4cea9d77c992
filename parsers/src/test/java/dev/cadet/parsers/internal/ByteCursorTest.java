package dev.cadet.parsers.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonToken;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cursor finds a string's end eight bytes at a time. Where it stops must be exact at every offset in a
 * word: a wrong stop would not show in the held-against-streamed comparisons, because anything irregular is
 * read again by Jackson with the same result, only slower.
 */
class ByteCursorTest {

    private static final String LETTERS = "abcdefghijklmnopq";

    @Test
    void aPlainStringEndsAtItsQuoteAtEveryOffset() {
        for (int length = 1; length <= LETTERS.length(); length++) {
            String text = LETTERS.substring(0, length);
            ByteCursor c = cursor("[\"" + text + "\",7]");
            assertThat(c.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            assertThat(c.text(c.nextToken())).isEqualTo(text);
            assertThat(c.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(c.nextToken()).isEqualTo(JsonToken.END_ARRAY);
        }
    }

    @Test
    void anEscapeIsPassedOverAtEveryOffsetOfASkippedValue() {
        for (int length = 0; length <= LETTERS.length(); length++) {
            String text = LETTERS.substring(0, length);
            ByteCursor c = cursor("[[\"" + text + "\\\"" + text + "\\\\\"],\"z\"]");
            assertThat(c.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            assertThat(c.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            c.skipChildren();
            assertThat(c.text(c.nextToken())).isEqualTo("z");
        }
    }

    @Test
    void controlAndNonAsciiBytesAreLeftToJacksonAtEveryOffset() {
        for (int length = 0; length <= LETTERS.length(); length++) {
            for (String odd : new String[] {"\u0001", "\u00e9", "\n"}) {
                ByteCursor c = cursor("[\"" + LETTERS.substring(0, length) + odd + "\"]");
                assertThat(c.nextToken()).isEqualTo(JsonToken.START_ARRAY);
                assertThatThrownBy(c::nextToken).isInstanceOf(ByteCursor.Irregular.class);
            }
        }
    }

    private static ByteCursor cursor(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        byte[] held = new byte[utf8.length + ByteCursor.PADDING + 1];
        System.arraycopy(utf8, 0, held, 0, utf8.length);
        return ByteCursor.forThisThread().reset(held, utf8.length);
    }
}
