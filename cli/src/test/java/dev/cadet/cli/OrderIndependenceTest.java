package dev.cadet.cli;

import dev.cadet.cli.internal.demo.DemoData;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import dev.cadet.reports.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The same inputs give byte-identical reports whatever the file order or the thread count. */
class OrderIndependenceTest {

    @Test
    void shufflingFilesAndThreadsGivesIdenticalReports(@TempDir Path dir) throws IOException {
        Path logs = dir.resolve("logs");
        new DemoData(7L).writeTo(logs);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
        DetectionConfig config = DetectionConfig.builder().approvedPrincipals(DemoData.APPROVED_PRINCIPALS).build();

        Path sorted = report(files, 1, config, dir.resolve("sorted"));
        Collections.shuffle(files, new Random(42));
        Path shuffled = report(files, 2, config, dir.resolve("shuffled"));

        for (String name : Reports.FILE_NAMES) {
            assertThat(Files.readAllBytes(shuffled.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(sorted.resolve(name)));
        }
    }

    private static Path report(List<Path> files, int threads, DetectionConfig config, Path out) {
        ScanResult result = new ScanJob(LogReader.create(), config, threads, new ByteArrayInputStream(new byte[0]))
                .run(files);
        assertThat(result.findings()).isNotEmpty();
        Reports.writeAll(result, out);
        return out;
    }
}
