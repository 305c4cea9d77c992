package dev.cadet.parsers.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Values told apart by a few words must come back as exactly their own text, and repeats as one instance. */
class AsciiStringsTest {

    @Test
    void everyLengthComesBackAsItsOwnTextAndRepeatsShareOneInstance() {
        // Tiny tables, so that values keep pushing each other out; values that differ in one byte only.
        AsciiStrings strings = new AsciiStrings(3, 3, false);
        Random random = new Random(1651);
        List<String> values = new ArrayList<>();
        for (int length = 0; length <= 40; length++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                b.append((char) ('a' + random.nextInt(3)));
            }
            values.add(b.toString());
            for (int i = 0; i < length; i++) {
                StringBuilder changed = new StringBuilder(b);
                changed.setCharAt(i, (char) (changed.charAt(i) + 1));
                values.add(changed.toString());
            }
        }
        for (int round = 0; round < 3; round++) {
            for (String v : values) {
                assertThat(get(strings, v, round)).isEqualTo(v);
            }
        }
        for (String v : values) {
            assertThat(get(strings, v, 0)).isSameAs(get(strings, v, 5));
        }
    }

    /** {@code value} read at an offset inside a larger buffer, with the readable bytes after it the lookup may read. */
    private static String get(AsciiStrings strings, String value, int offset) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[offset + text.length + 8];
        java.util.Arrays.fill(buf, (byte) 'x');
        System.arraycopy(text, 0, buf, offset, text.length);
        return strings.get(buf, offset, text.length);
    }
}
