package dev.cadet.reports;

import dev.cadet.model.InputReport;
import dev.cadet.model.Origin;
import dev.cadet.model.PipelineCounters;
import dev.cadet.model.ScanResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Late events are not only counted: report.md says where they are, so that none is dropped unseen. */
class LateEventsReportTest {

    private static ScanResult withLate(long late, List<Origin> listed) {
        return new ScanResult(new InputReport(List.of(), List.of()),
                new PipelineCounters(late + 2, 0, late, Map.of(), listed, null), List.of(), List.of(), List.of());
    }

    @Test
    void theWarningListsWhereTheLateRecordsAre() {
        String md = Render.markdown(withLate(2, List.of(new Origin("logs/a.json.gz", 14, 3, 1),
                new Origin("b_c.json", 2, 0, 0))));

        assertThat(md).contains("**Warning:** 2 events arrived later than the allowed lateness: counted, not analysed:\n"
                + "\n- Late records: logs/a.json.gz#14 (line 3), b_c.json#2\n");
    }

    @Test
    void moreLateEventsThanListedAreCountedAsNotListed() {
        List<Origin> listed = List.of(new Origin("x.json", 1, 0, 0), new Origin("x.json", 2, 0, 0));
        String md = Render.markdown(withLate(1_250, listed));

        assertThat(md).contains("- Late records: x.json#1, x.json#2 and 1248 not listed\n");
    }

    @Test
    void locationsFromTheLogsAreEscapedLikeAnyOtherText() {
        String md = Render.markdown(withLate(1, List.of(new Origin("evil|[x](http://e)\u001b[2J.json", 1, 0, 0))));

        assertThat(md).contains("- Late records: evil\\|\\[x\\](http://e)\uFFFD\\[2J.json#1\n");
    }

    @Test
    void countersWithoutLocationsKeepTheOneLineWarning() {
        String md = Render.markdown(withLate(3, List.of()));
        assertThat(md).contains("**Warning:** 3 events arrived later than the allowed lateness: counted, not analysed.\n")
                .doesNotContain("Late records");
    }
}
