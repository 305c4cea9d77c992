package dev.cadet.parsers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public surface: configuration, input expansion, reuse across threads. */
class LogReaderApiTest {

    @Test
    void defaultsQuarantineAndQuoteFiveHundredCharacters() {
        LogReader reader = LogReader.create();
        assertThat(reader.badRecords()).isEqualTo(BadRecordPolicy.QUARANTINE);
        assertThat(reader.maxExcerptChars()).isEqualTo(500);
        assertThat(reader).hasToString("LogReader[badRecords=QUARANTINE, maxExcerptChars=500]");
    }

    @Test
    void builderSaysWhatIsWrong() {
        assertThatThrownBy(() -> LogReader.builder().maxExcerptChars(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxExcerptChars must be > 0, was 0");
        assertThatThrownBy(() -> LogReader.builder().maxExcerptChars(-5))
                .hasMessage("maxExcerptChars must be > 0, was -5");
        assertThatThrownBy(() -> LogReader.builder().badRecords(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("badRecords policy must not be null");
    }

    @Test
    void expandWalksFoldersSortedAndSkipsHiddenOnes(@TempDir Path dir) throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(logs.resolve("us-west-1/2021/07/30"));
        Files.createDirectories(logs.resolve("ap-northeast-1/2021/07/29"));
        Files.createDirectories(logs.resolve(".cache"));
        Path late = Files.writeString(logs.resolve("us-west-1/2021/07/30/b.json.gz"), "x");
        Path early = Files.writeString(logs.resolve("us-west-1/2021/07/30/a.json.gz"), "x");
        Path other = Files.writeString(logs.resolve("ap-northeast-1/2021/07/29/z.json"), "x");
        Files.writeString(logs.resolve(".cache/hidden.json"), "x");
        Files.writeString(logs.resolve(".DS_Store"), "x");
        Path single = Files.writeString(dir.resolve(".explicit.json"), "x");

        List<Path> files = LogReader.create().expand(List.of(single, logs, Path.of("-")));

        assertThat(files).containsExactly(single, other, early, late, Path.of("-"));
    }

    @Test
    void expandRejectsPathsThatDoNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> LogReader.create().expand(List.of(missing)))
                .isInstanceOf(InputException.class)
                .hasMessage("input not found: " + missing + " (expected a file, a folder, or - for standard input)")
                .satisfies(e -> assertThat(((InputException) e).origin()).isNull());
    }

    @Test
    void oneReaderServesManyThreadsWithTheSameResults() throws Exception {
        LogReader reader = LogReader.create();
        List<String> cases = List.of("records", "jsonl", "single-record", "array", "lookup-events", "eventbridge",
                "digest");
        List<String> sequential = new ArrayList<>();
        for (String c : cases) {
            sequential.addAll(render(reader, c));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<List<String>>> futures = new ArrayList<>();
                for (String c : cases) {
                    futures.add(pool.submit(() -> render(reader, c)));
                }
                List<String> parallel = new ArrayList<>();
                for (Future<List<String>> f : futures) {
                    parallel.addAll(f.get());
                }
                assertThat(parallel).containsExactlyElementsOf(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> render(LogReader reader, String name) throws IOException {
        return Reads.read(reader, name, GoldenTest.resource("aws/" + name + ".json")).events().stream()
                .map(EventText::render).toList();
    }
}
