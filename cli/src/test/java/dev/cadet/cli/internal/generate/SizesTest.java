package dev.cadet.cli.internal.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizesTest {

    @Test
    void decimalAndBinaryUnits() {
        assertThat(Sizes.parse("400MB")).isEqualTo(400_000_000L);
        assertThat(Sizes.parse("1GB")).isEqualTo(1_000_000_000L);
        assertThat(Sizes.parse("2.5 gb")).isEqualTo(2_500_000_000L);
        assertThat(Sizes.parse("512MiB")).isEqualTo(512L << 20);
        assertThat(Sizes.parse("1k")).isEqualTo(1000L);
        assertThat(Sizes.parse("1234")).isEqualTo(1234L);
    }

    @Test
    void badSizesNameTheText() {
        assertThatThrownBy(() -> Sizes.parse("lots")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must look like 400MB, 1GB or 512MiB, was 'lots'");
        assertThatThrownBy(() -> Sizes.parse("0MB")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was '0MB'");
    }

    @Test
    void formatsWithDecimalUnits() {
        assertThat(Sizes.format(999)).isEqualTo("999 B");
        assertThat(Sizes.format(1_234_567)).isEqualTo("1.23 MB");
        assertThat(Sizes.format(45_600_000_000L)).isEqualTo("45.6 GB");
    }
}
