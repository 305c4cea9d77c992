package dev.cadet.reports;

import dev.cadet.model.ScanResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every output of each fixture against a checked-in file in {@code src/test/resources/golden}.
 * Run with {@code -Dcadet.golden.update=true} to rewrite them after a deliberate change, then review
 * the diff (see the README in that folder).
 */
class GoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("cadet.golden.update");

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "empty", "hostile"})
    void outputsMatchGoldenFiles(String fixture) throws IOException {
        ScanResult result = switch (fixture) {
            case "realistic" -> Fixtures.realistic();
            case "empty" -> Fixtures.empty();
            case "hostile" -> Fixtures.hostile();
            default -> throw new IllegalArgumentException(fixture);
        };
        for (Map.Entry<String, String> output : Render.all(result).entrySet()) {
            Path golden = GOLDEN.resolve(fixture + "." + output.getKey());
            byte[] actual = output.getValue().getBytes(StandardCharsets.UTF_8);
            if (UPDATE) {
                Files.createDirectories(GOLDEN);
                Files.write(golden, actual);
            }
            assertThat(golden).as("golden file %s (run with -Dcadet.golden.update=true to create it)", golden)
                    .exists();
            // Compare as text first for a readable diff, then as bytes so line ends count too.
            assertThat(output.getValue()).as("%s", golden)
                    .isEqualTo(new String(Files.readAllBytes(golden), StandardCharsets.UTF_8));
            assertThat(actual).as("%s bytes", golden).isEqualTo(Files.readAllBytes(golden));
        }
    }
}
