package dev.cadet.parsers.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static org.assertj.core.api.Assertions.assertThat;

class StringTableTest {

    @Test
    void aRepeatedValueIsTheSameInstanceWhetherReadFromCharactersOrInterned() {
        StringTable table = new StringTable();
        char[] buf = "xxarn:aws:iam::111122223333:user/alicexx".toCharArray();
        String first = table.get(buf, 2, buf.length - 4);
        assertThat(first).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(table.get(buf, 2, buf.length - 4)).isSameAs(first);
        assertThat(table.intern(new String("arn:aws:iam::111122223333:user/alice"))).isSameAs(first);
    }

    @Test
    void internedFirstThenReadFromCharactersIsTheSameInstance() {
        StringTable table = new StringTable();
        // Lengths around the four-at-a-time step of the hash, and non-Latin-1 characters.
        for (String s : new String[] {"a", "ab", "abc", "abcd", "abcde", "us-east-1", "Zürich", "東京-リージョン"}) {
            String shared = table.intern(new String(s));
            char[] chars = s.toCharArray();
            assertThat(table.get(chars, 0, chars.length)).as(s).isSameAs(shared);
        }
    }

    @Test
    void valuesThatShareABucketAreKeptApart() {
        StringTable table = new StringTable();
        // "Aa" and "BB" have the same String hash, so they land in the same bucket.
        String aa = table.intern(new String("Aa"));
        String bb = table.intern(new String("BB"));
        assertThat(aa).isEqualTo("Aa");
        assertThat(bb).isEqualTo("BB");
        assertThat(table.get("Aa".toCharArray(), 0, 2)).isSameAs(aa);
        assertThat(table.get("BB".toCharArray(), 0, 2)).isSameAs(bb);
    }

    @Test
    void longValuesAreReturnedButNotShared() {
        StringTable table = new StringTable();
        String longValue = "x".repeat(StringTable.MAX_CHARS + 1);
        char[] chars = longValue.toCharArray();
        String a = table.get(chars, 0, chars.length);
        assertThat(a).isEqualTo(longValue);
        assertThat(table.get(chars, 0, chars.length)).isNotSameAs(a);
        assertThat(table.intern(longValue)).isSameAs(longValue);
    }

    @Test
    void textFromTheParserTreatsEmptyStringsAndNullAsAbsent() {
        StringTable table = new StringTable();
        try (JsonParser p = Json.parser("[\"\", null, \"us-east-1\", 7, {\"a\": 1}, \"us-east-1\"]")) {
            p.nextToken();
            assertThat(table.text(p, p.nextToken())).isNull();
            assertThat(table.text(p, p.nextToken())).isNull();
            String region = table.text(p, p.nextToken());
            assertThat(region).isEqualTo("us-east-1");
            assertThat(table.text(p, p.nextToken())).isEqualTo("7");
            assertThat(table.text(p, p.nextToken())).isNull();
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(table.text(p, p.nextToken())).isSameAs(region);
        }
    }
}
