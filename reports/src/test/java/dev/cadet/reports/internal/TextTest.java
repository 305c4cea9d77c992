package dev.cadet.reports.internal;

import dev.cadet.model.Origin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void hiddenCharacters() {
        for (int cp : new int[] {0x00, 0x07, 0x0B, 0x1B, 0x7F, 0x85, 0x9B, 0xAD, 0x061C, 0x200B, 0x200E, 0x200F, 0x2028,
                0x2029, 0x202A, 0x202E, 0x2060, 0x2066, 0x2069, 0xFEFF, 0xE0041, 0xD800, 0xDFFF}) {
            assertThat(Text.isHidden(cp)).as("U+%04X", cp).isTrue();
        }
        for (int cp : new int[] {'\t', '\n', '\r', ' ', 'a', '~', 0xA0, 0xE9, 0x200C, 0x200D, 0x4E2D, 0x1F600}) {
            assertThat(Text.isHidden(cp)).as("U+%04X", cp).isFalse();
        }
    }

    @Test
    void visibleKeepsLineBreaksAndValidPairs() {
        assertThat(Text.visible("a\tb\r\nc")).isEqualTo("a\tb\r\nc");
        assertThat(Text.visible("\u001b[2J\u202e")).isEqualTo("\uFFFD[2J\uFFFD");
        assertThat(Text.visible("smile \ud83d\ude00 lone \ud83d")).isEqualTo("smile \ud83d\ude00 lone \uFFFD");
        assertThat(Text.visible("tag \udb40\udc41")).isEqualTo("tag \uFFFD");
        assertThat(Text.visible("caf\u00e9 \u4e2d")).isSameAs(Text.visible("caf\u00e9 \u4e2d").intern())
                .isEqualTo("caf\u00e9 \u4e2d");
        assertThat(Text.visible(null)).isNull();
    }

    @Test
    void oneLineTurnsEveryBreakIntoOneSpace() {
        assertThat(Text.oneLine("a\r\nb\n\nc\rd\u000be\u000cf\u0085g\u2028h")).isEqualTo("a b  c d e f g h");
        assertThat(Text.oneLine(null)).isEmpty();
    }

    @Test
    void timesAreUtcWithMillis() {
        assertThat(Text.time(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(Text.time(1714557600123L)).isEqualTo("2024-05-01T10:00:00.123Z");
    }

    @Test
    void locations() {
        assertThat(Text.locationWithLine(new Origin("a.json", 3, 57, 1))).isEqualTo("a.json#3 (line 57)");
        assertThat(Text.locationWithLine(new Origin("a.json", 3, 0, 0))).isEqualTo("a.json#3");
        assertThat(Text.location(new Origin("a.json", 3, 57, 1))).isEqualTo("a.json#3");
    }

    @Test
    void idOrderIsNatural() {
        List<String> ids = new ArrayList<>(Arrays.asList("F-10000", null, "F-0002", "F-9999", "F-02", "INC-001",
                "F-0001", "F-2"));
        ids.sort(Text.ID_ORDER);
        assertThat(ids).containsExactly("F-0001", "F-0002", "F-02", "F-2", "F-9999", "F-10000", "INC-001", null);
    }

    @Test
    void truncateCountsCodePoints() {
        assertThat(Text.truncate("abcdef", 3)).isEqualTo("abc…");
        assertThat(Text.truncate("\ud83d\ude00\ud83d\ude00", 1)).isEqualTo("\ud83d\ude00…");
        assertThat(Text.truncate("abc", 3)).isEqualTo("abc");
    }
}
