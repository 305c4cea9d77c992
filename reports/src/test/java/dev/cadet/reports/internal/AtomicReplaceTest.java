package dev.cadet.reports.internal;

import dev.cadet.model.CadetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A report file is replaced whole or not at all: while it is being written, and after a write that
 * broke off, a reader finds the previous complete file under the report's name and the partial content
 * only in a hidden temporary file, which a failed write removes.
 */
class AtomicReplaceTest {

    @TempDir
    Path dir;

    @Test
    void midWriteTheTargetStillHoldsThePreviousCompleteFile() throws Exception {
        Path target = Files.writeString(dir.resolve("report.md"), "previous complete report\n");
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                AtomicFiles.write(target, out -> {
                    out.write("# new report, first half\n".repeat(10_000).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    halfWritten.countDown();
                    await(resume);
                    out.write("second half\n".getBytes(StandardCharsets.UTF_8));
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        assertThat(halfWritten.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(target)).isEqualTo("previous complete report\n");
        List<String> names = names();
        assertThat(names).hasSize(2).contains("report.md");
        assertThat(names).filteredOn(n -> !n.equals("report.md")).singleElement().asString()
                .startsWith(".report.md.").endsWith(".tmp");

        resume.countDown();
        writer.join(10_000);
        assertThat(failure.get()).isNull();
        assertThat(Files.readString(target)).startsWith("# new report, first half\n").endsWith("second half\n");
        assertThat(names()).containsExactly("report.md");
    }

    @Test
    void aWriteThatBreaksOffLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("findings.csv"), "finding_id\r\nF-0001\r\n");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[1 << 20]);
            throw new IOException("disk full");
        })).isInstanceOf(CadetException.class).hasMessage("cannot write " + target + ": IOException disk full");

        assertThat(Files.readString(target)).isEqualTo("finding_id\r\nF-0001\r\n");
        assertThat(names()).containsExactly("findings.csv");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
