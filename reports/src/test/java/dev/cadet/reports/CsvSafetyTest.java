package dev.cadet.reports;

import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.ScanResult;
import dev.cadet.reports.internal.CsvText;
import dev.cadet.reports.internal.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the CSV files back with Commons CSV: shape intact, formulas neutralised, values recoverable. */
class CsvSafetyTest {

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    @Test
    void findingsColumnsAndOrder() throws IOException {
        List<CSVRecord> rows = read(Render.findings(Fixtures.realistic()));
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("finding_id", "detector", "severity",
                "time", "provider", "principal", "action", "source_ip", "targets", "incident_id", "last_seen",
                "access_key_id", "summary", "evidence");
        assertThat(rows).extracting(r -> r.get("finding_id"))
                .containsExactly("F-0001", "F-0002", "F-0003", "F-0004", "F-0005", "F-0006", "F-0007");
        CSVRecord send = rows.get(1);
        assertThat(send.get("targets")).isEqualTo("i-0a1b2c3d4e5f60718;i-0fedcba9876543210");
        assertThat(send.get("incident_id")).isEqualTo("INC-001");
        assertThat(send.get("time")).isEqualTo("2024-05-01T10:05:30.000Z");
        assertThat(send.get("evidence")).isEqualTo(Fixtures.AWS_FILE + "#9;" + Fixtures.AWS_FILE + "#14");
        assertThat(rows.get(6).get("incident_id")).as("a finding outside incidents").isEmpty();
    }

    @Test
    void incidentsColumnsAndOrder() throws IOException {
        List<CSVRecord> rows = read(Render.incidents(Fixtures.realistic()));
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("incident_id", "decision", "severity",
                "principals", "first_seen", "last_seen", "reasons", "access_keys", "source_ips", "targets",
                "finding_ids", "reason_text");
        assertThat(rows).extracting(r -> r.get("incident_id")).containsExactly("INC-001", "INC-002", "INC-003");
        assertThat(rows.get(0).get("reasons")).isEqualTo("account-compromise;known-ttp;failed-then-success");
        assertThat(rows.get(0).get("finding_ids")).isEqualTo("F-0001;F-0002;F-0003;F-0004");
        assertThat(rows.get(2).get("reasons")).isEmpty();
    }

    @Test
    void recordsEndWithCrLf() {
        String csv = Render.incidents(Fixtures.realistic());
        assertThat(csv).startsWith("incident_id,decision,").contains("reason_text\r\n").endsWith("\r\n");
    }

    @Test
    void idOrderIsNumericNotLexical() throws IOException {
        ScanResult r = Fixtures.hostile();
        List<CSVRecord> rows = read(Render.findings(r));
        assertThat(rows).extracting(row -> row.get("finding_id")).isSortedAccordingTo(Text.ID_ORDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"findings", "incidents", "timeline"})
    void hostileCellsNeverStartAFormulaAndKeepTheColumnCount(String file) throws IOException {
        ScanResult r = Fixtures.hostile();
        String csv = switch (file) {
            case "findings" -> Render.findings(r);
            case "incidents" -> Render.incidents(r);
            default -> Render.timeline(r);
        };
        List<CSVRecord> rows = read(csv);
        assertThat(rows).hasSize(r.findings().size());
        int columns = rows.get(0).getParser().getHeaderNames().size();
        for (CSVRecord row : rows) {
            assertThat(row.size()).isEqualTo(columns);
            for (String cell : row) {
                assertThat(cell).satisfiesAnyOf(c -> assertThat(c).isEmpty(),
                        c -> assertThat("=+-@\t\r").doesNotContain(c.substring(0, 1)));
                assertThat(cell.codePoints().filter(Text::isHidden).count()).as("hidden characters in %s", cell)
                        .isZero();
            }
        }
    }

    @Test
    void hostileFindingValuesComeBackAfterRestore() throws IOException {
        ScanResult r = Fixtures.hostile();
        List<CSVRecord> rows = read(Render.findings(r));
        for (int k = 0; k < rows.size(); k++) {
            CSVRecord row = rows.get(k);
            Finding f = r.findings().get(k);
            assertThat(CsvText.restore(row.get("principal"))).isEqualTo(Text.visible(f.principal()));
            assertThat(CsvText.restore(row.get("summary"))).isEqualTo(Text.visible(f.summary()));
            assertThat(CsvText.restore(row.get("detector"))).isEqualTo(Text.visible(f.detector()));
            assertThat(CsvText.restore(row.get("action"))).isEqualTo(Text.visible(f.action()));
            assertThat(CsvText.restore(row.get("source_ip"))).isEqualTo(Text.visible(f.sourceIp()));
            assertThat(CsvText.restore(row.get("targets"))).isEqualTo(Text.visible(String.join(";", f.targets())));
        }
        List<String> principals = rows.stream().map(row -> row.get("principal")).toList();
        assertThat(principals).contains("'=HYPERLINK(\"http://evil\",\"x\")", "'+cmd|' /C calc'!A0",
                "'@SUM(1+1)*cmd|' /C calc'!A0", "'-2+3", "'\ttab first", "'\rcr first", "''=already quoted",
                "line1\r\nline2\nline3\rline4", "| a | b", "\uFFFD[31mred\uFFFD[0m", "\uFFFDexe.txt");
    }

    @Test
    void hostileIncidentValuesComeBackAfterRestore() throws IOException {
        ScanResult r = Fixtures.hostile();
        List<CSVRecord> rows = read(Render.incidents(r));
        List<Incident> byId = new ArrayList<>(r.incidents());
        for (int k = 0; k < rows.size(); k++) {
            Incident i = byId.get(k);
            assertThat(rows.get(k).get("incident_id")).isEqualTo(i.id());
            assertThat(CsvText.restore(rows.get(k).get("principals")))
                    .isEqualTo(Text.visible(String.join(";", i.principals())));
            assertThat(CsvText.restore(rows.get(k).get("reason_text"))).isEqualTo(Text.visible(i.reasons().get(0).text()));
        }
    }

    private static List<CSVRecord> read(String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(READ).get()) {
            return parser.getRecords();
        }
    }
}
