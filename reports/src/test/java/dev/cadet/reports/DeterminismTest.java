package dev.cadet.reports;

import dev.cadet.model.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "empty", "hostile"})
    void twoRunsGiveTheSameBytes(String name) throws IOException {
        ScanResult r = MarkdownSafetyTest.fixture(name);
        List<Path> first = Reports.writeAll(r, tmp.resolve("a"));
        List<Path> second = Reports.writeAll(r, tmp.resolve("b"));
        for (int k = 0; k < first.size(); k++) {
            assertThat(Files.readAllBytes(second.get(k))).as("%s", first.get(k).getFileName())
                    .isEqualTo(Files.readAllBytes(first.get(k)));
        }
    }

    @Test
    void orderOfFindingsAndIncidentsInTheResultDoesNotMatter() {
        ScanResult r = Fixtures.realistic();
        List<dev.cadet.model.Finding> findings = new ArrayList<>(r.findings());
        List<dev.cadet.model.Incident> incidents = new ArrayList<>(r.incidents());
        Collections.shuffle(findings, new Random(7));
        Collections.shuffle(incidents, new Random(11));
        ScanResult shuffled = new ScanResult(r.input(), r.pipeline(), r.coverage(), findings, incidents);
        assertThat(Render.all(shuffled)).isEqualTo(Render.all(r));
    }

    @Test
    void defaultLocaleAndTimeZoneDoNotMatter() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        var expected = Render.all(Fixtures.realistic());
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            assertThat(Render.all(Fixtures.realistic())).isEqualTo(expected);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
