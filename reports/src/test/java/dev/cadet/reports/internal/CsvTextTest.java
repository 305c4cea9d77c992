package dev.cadet.reports.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTextTest {

    @Test
    void formulaStartsGetAnApostrophe() {
        assertThat(CsvText.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(CsvText.cell("+cmd")).isEqualTo("'+cmd");
        assertThat(CsvText.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvText.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvText.cell("\rx")).isEqualTo("'\rx");
    }

    @Test
    void otherValuesAreLeftAlone() {
        assertThat(CsvText.cell("arn:aws:iam::1:user/a")).isEqualTo("arn:aws:iam::1:user/a");
        assertThat(CsvText.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvText.cell("'quoted'")).isEqualTo("'quoted'");
        assertThat(CsvText.cell("'")).isEqualTo("'");
        assertThat(CsvText.cell("")).isEmpty();
        assertThat(CsvText.cell(null)).isEmpty();
        assertThat(CsvText.cell("two\nlines")).isEqualTo("two\nlines");
    }

    @Test
    void anApostropheThatWouldReadAsAddedGetsOneMoreSoRestoreIsExact() {
        assertThat(CsvText.cell("'=x")).isEqualTo("''=x");
        assertThat(CsvText.cell("''")).isEqualTo("'''");
        assertThat(CsvText.restore("''=x")).isEqualTo("'=x");
        assertThat(CsvText.restore("'''")).isEqualTo("''");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "'", "''", "'''", "'=", "=", "''=", "'a", "a'", "-", "'-1", "@", "'@x", "\t", "'\t",
            "\r\n", "'\r", "plain", "=1+1", "'''=", "' =x"})
    void restoreUndoesNeutralise(String s) {
        String cell = CsvText.neutralise(s);
        assertThat(CsvText.restore(cell)).isEqualTo(s);
        assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).isTrue();
    }

    @Test
    void hiddenCharactersBecomeVisibleButLineBreaksAndTabsStay() {
        assertThat(CsvText.cell("a\u001b[31m\u202eb\tc\r\nd")).isEqualTo("a\uFFFD[31m\uFFFDb\tc\r\nd");
    }
}
