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

    @Test
    void aRepeatedObjectIsKnownByItsStartAndOneThatOnlyBeginsAlikeIsReadAfresh() {
        String head = "{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:alice\",\"arn\":\"arn:aws:sts::1:assumed-role/";
        String a = head + "ops/alice\"}";
        String b = head + "ops/alice\",\"extra\":[1,{\"x\":null}]}";
        String brokenLines = head + "ops/bob\",\n\"x\":1}";
        ByteMemo<String> memo = new ByteMemo<>(4, 4096, true);
        int[] reads = {0};
        java.util.function.BiFunction<RecordCursor, JsonToken, String> reader = (c, t) -> {
            reads[0]++;
            c.skipChildren();
            return "read " + reads[0];
        };
        ByteCursor c = cursor("[" + String.join(",", a, a, b, b, a, brokenLines, brokenLines) + ",7]");
        assertThat(c.nextToken()).isEqualTo(JsonToken.START_ARRAY);
        assertThat(c.once(c.nextToken(), memo, reader)).isEqualTo("read 1");
        assertThat(c.once(c.nextToken(), memo, reader)).isEqualTo("read 1"); // known by its start
        assertThat(c.once(c.nextToken(), memo, reader)).isEqualTo("read 2"); // begins like a, ends elsewhere
        assertThat(c.once(c.nextToken(), memo, reader)).isEqualTo("read 2");
        assertThat(c.once(c.nextToken(), memo, reader)).isEqualTo("read 1"); // known by its whole bytes
        assertThat(c.once(c.nextToken(), memo, reader)).isEqualTo("read 3");
        assertThat(c.once(c.nextToken(), memo, reader)).isEqualTo("read 3"); // walked, so its line break counts
        assertThat(c.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
        assertThat(c.tokenLine()).isEqualTo(3);
        assertThat(c.nextToken()).isEqualTo(JsonToken.END_ARRAY);
        assertThat(reads[0]).isEqualTo(3);
    }

    @Test
    void aKeyKeptByItsStartIsFoundOnlyWhereTheWholeKeyIsAndLongEnough() {
        ByteMemo<String> memo = new ByteMemo<>(4, 4096, true);
        byte[] key = ("{\"k\":\"" + "x".repeat(ByteMemo.START_BYTES) + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] shortKey = "{\"k\":1}".getBytes(StandardCharsets.US_ASCII);
        memo.put(key, 0, key.length, "long", true);
        memo.put(shortKey, 0, shortKey.length, "short", true);
        byte[] input = (new String(key, StandardCharsets.US_ASCII) + ",\"next\":2}").getBytes(StandardCharsets.US_ASCII);
        int slot = memo.startingAt(input, 0, input.length);
        assertThat(slot).isNotNegative();
        assertThat(memo.startLength(slot)).isEqualTo(key.length);
        assertThat(memo.startValue(slot)).isEqualTo("long");
        byte[] changed = input.clone();
        changed[key.length - 3] = 'y';
        assertThat(memo.startingAt(changed, 0, changed.length)).isNegative();
        assertThat(memo.startingAt(input, 0, key.length - 1)).isNegative();
        assertThat(memo.startingAt(shortKey, 0, shortKey.length)).isNegative();
        ByteMemo<String> plain = new ByteMemo<>(4, 4096);
        plain.put(key, 0, key.length, "long", true);
        assertThat(plain.startingAt(input, 0, input.length)).isNegative();
    }

    private static ByteCursor cursor(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        byte[] held = new byte[utf8.length + ByteCursor.PADDING + 1];
        System.arraycopy(utf8, 0, held, 0, utf8.length);
        return ByteCursor.forThisThread().reset(held, utf8.length);
    }
}
