package dev.cadet.parsers.internal.aws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StringTableTest {

    @Test
    void equalContentGivesTheSameInstanceWhereverItSitsInTheBuffer() {
        StringTable table = new StringTable();
        String first = table.get("xxarn:aws:iam::1:user/aliceyy".toCharArray(), 2, 25);
        String again = table.get("arn:aws:iam::1:user/alice".toCharArray(), 0, 25);
        assertThat(first).isEqualTo("arn:aws:iam::1:user/alice").isSameAs(again);
        assertThat(table.get("arn:aws:iam::1:user/alicf".toCharArray(), 0, 25)).isNotSameAs(first)
                .isEqualTo("arn:aws:iam::1:user/alicf");
    }

    @Test
    void keepsEveryValueAcrossGrowthAndStopsSharingAtTheBound() {
        StringTable table = new StringTable();
        String[] kept = new String[StringTable.MAX_ENTRIES];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = table.get(("10.0." + i).toCharArray(), 0, ("10.0." + i).length());
        }
        for (int i = 0; i < kept.length; i += 97) {
            assertThat(table.get(("10.0." + i).toCharArray(), 0, ("10.0." + i).length())).isSameAs(kept[i]);
        }
        assertThat(table.size()).isEqualTo(StringTable.MAX_ENTRIES);
        char[] beyond = "beyond".toCharArray();
        assertThat(table.get(beyond, 0, 6)).isEqualTo("beyond").isNotSameAs(table.get(beyond, 0, 6));
    }

    @Test
    void hashDependsOnLengthAndEveryCharacter() {
        assertThat(StringTable.hash("abcd".toCharArray(), 0, 4)).isNotEqualTo(StringTable.hash("abce".toCharArray(), 0, 4));
        assertThat(StringTable.hash("abc\0".toCharArray(), 0, 4)).isNotEqualTo(StringTable.hash("abc".toCharArray(), 0, 3));
    }
}
