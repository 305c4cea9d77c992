package dev.cadet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("scan", "--no-such-option", "x")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("--no-such-option");
    }

    @Test
    void badDurationSaysWhatItExpected() {
        assertThat(run("scan", "--lateness", "soon", "x")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void negativeLatenessIsRejectedWithTheValue(@TempDir Path dir) {
        assertThat(run("scan", "--lateness", "-5m", "--out", dir.resolve("o").toString(), dir.toString()))
                .isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("allowedLateness").contains("-PT5M");
    }

    @Test
    void missingInputIsOneClearLineWithoutAStackTrace(@TempDir Path dir) {
        int code = run("scan", "--out", dir.resolve("o").toString(), dir.resolve("nope").toString());
        assertThat(code).isEqualTo(Main.EXIT_RUNTIME_ERROR);
        assertThat(err.toString()).startsWith("cadet: error: ").contains("nope").doesNotContain("\tat ");
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("cadet ");
        assertThat(run("scan", "--help")).isZero();
        assertThat(out.toString()).contains("--fail-on").contains("--strict").contains("--lateness");
    }

    @Test
    void consoleTextCannotDriveTheTerminal() {
        assertThat(Console.safe("a\u001b[31mb\r\nc\u202ed\u009b")).isEqualTo("a\uFFFD[31mb c\uFFFDd\uFFFD");
    }
}
