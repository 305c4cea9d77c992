package dev.cadet.detectors.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {

    @Test
    void isoIsExactlyInstantToString() {
        Random random = new Random(1651);
        for (int i = 0; i < 50_000; i++) {
            long millis = random.nextLong(-62_167_219_200_000L - 86_400_000L * 400, 253_402_300_800_000L + 86_400_000L * 400);
            if (i % 3 == 0) {
                millis -= Math.floorMod(millis, 1000L); // whole seconds, as CloudTrail writes them
            }
            assertThat(Times.iso(millis)).as("%d", millis).isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
        for (long edge : new long[] {0, -1, 1, 951_782_400_000L, 4_107_542_400_000L, -62_167_219_200_000L,
                253_402_300_799_999L, 253_402_300_800_000L, Long.MIN_VALUE / 4, Long.MAX_VALUE / 4}) {
            assertThat(Times.iso(edge)).as("%d", edge).isEqualTo(Instant.ofEpochMilli(edge).toString());
        }
    }
}
