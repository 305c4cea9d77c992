package dev.cadet.reports;

import dev.cadet.model.CadetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicWriteTest {

    @TempDir
    Path tmp;

    @Test
    void writesEveryFileInAFixedOrderAndLeavesNoTemporaryFile() throws IOException {
        Path dir = tmp.resolve("out").resolve("nested");
        List<Path> written = Reports.writeAll(Fixtures.realistic(), dir);

        assertThat(written).containsExactly(dir.resolve("report.md"), dir.resolve("findings.csv"),
                dir.resolve("incidents.csv"), dir.resolve("timeline.csv"), dir.resolve("findings.jsonl"),
                dir.resolve("summary.json"));
        assertThat(list(dir)).containsExactlyInAnyOrder("report.md", "findings.csv", "incidents.csv", "timeline.csv",
                "findings.jsonl", "summary.json");
        Map<String, String> expected = Render.all(Fixtures.realistic());
        for (Path p : written) {
            assertThat(Files.readString(p, StandardCharsets.UTF_8)).isEqualTo(expected.get(p.getFileName().toString()));
        }
    }

    @Test
    void replacesFilesFromAnEarlierRun() throws IOException {
        Files.writeString(tmp.resolve("report.md"), "an older, longer report that must not survive in part ".repeat(500));
        Reports.writeAll(Fixtures.empty(), tmp);
        assertThat(Files.readString(tmp.resolve("report.md"))).isEqualTo(Render.markdown(Fixtures.empty()));
        assertThat(list(tmp)).hasSize(Reports.FILE_NAMES.size());
    }

    @Test
    void aFolderThatIsAFileIsReportedWithItsPath() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> Reports.writeAll(Fixtures.realistic(), file))
                .isInstanceOf(CadetException.class)
                .hasMessageStartingWith("cannot create report folder " + file + ": ");
    }

    @Test
    void aTargetThatCannotBeReplacedIsReportedWithItsPathAndNoTemporaryFileRemains() throws IOException {
        Path blocker = Files.createDirectories(tmp.resolve("incidents.csv").resolve("keep"));
        assertThatThrownBy(() -> Reports.writeAll(Fixtures.realistic(), tmp))
                .isInstanceOf(CadetException.class)
                .hasMessageStartingWith("cannot write " + tmp.resolve("incidents.csv") + ": ");
        assertThat(blocker).isDirectory();
        assertThat(list(tmp)).containsExactlyInAnyOrder("report.md", "findings.csv", "incidents.csv");
    }

    @Test
    void aFailingWriterBecomesACadetException() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> Reports.markdown(Fixtures.realistic(), broken))
                .isInstanceOf(CadetException.class).hasMessage("cannot write report.md: IOException disk full");
        assertThatThrownBy(() -> Reports.findingsCsv(Fixtures.realistic(), broken))
                .isInstanceOf(CadetException.class).hasMessage("cannot write findings.csv: IOException disk full");
        OutputStream brokenStream = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> Reports.summaryJson(Fixtures.realistic(), brokenStream))
                .isInstanceOf(CadetException.class).hasMessage("cannot write summary.json: IOException disk full");
    }

    @Test
    void streamsAreFlushedButNotClosed() {
        boolean[] closed = {false};
        var out = new java.io.ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Reports.summaryJson(Fixtures.realistic(), out);
        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
