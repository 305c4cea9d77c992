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
    void valuesThatDifferOnlyInTheMiddleStayApart() {
        StringTable table = new StringTable();
        String a = "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#5.15.0-1055-aws md/arch#x86_64";
        String b = a.replace("5.15.0-1055", "5.15.0-1056");
        assertThat(StringTable.hash(a.toCharArray(), 0, a.length())).isEqualTo(StringTable.hash(b.toCharArray(), 0, b.length()));
        assertThat(table.get(a.toCharArray(), 0, a.length())).isEqualTo(a);
        assertThat(table.get(b.toCharArray(), 0, b.length())).isEqualTo(b);
        assertThat(table.get(a.toCharArray(), 0, a.length())).isEqualTo(a);
    }

    @Test
    void hashDependsOnLengthAndTheCharactersAtBothEnds() {
        assertThat(StringTable.hash("abcd".toCharArray(), 0, 4)).isNotEqualTo(StringTable.hash("abce".toCharArray(), 0, 4));
        assertThat(StringTable.hash("abc\0".toCharArray(), 0, 4)).isNotEqualTo(StringTable.hash("abc".toCharArray(), 0, 3));
    }
}
