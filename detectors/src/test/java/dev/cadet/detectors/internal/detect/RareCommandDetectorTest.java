package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.Finding;
import dev.cadet.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class RareCommandDetectorTest {

    private final History history = History.learning(2 * HOUR);
    private final DetectorHarness h = new DetectorHarness(new RareCommandDetector(history, List.of("AWS-RunPatchBaseline")));

    @Test
    void theLearningPeriodIsHalfOpenAndNotJudged() {
        h.push(E.command(user("ops")).at("08:00").targets("i-1"),
                // 09:59:59.999 is still learning: the document becomes known.
                E.command(user("ops")).at(t("10:00") - 1).document("Deploy").targets("i-1"),
                // 10:00 is the first judged instant.
                E.command(user("ops")).at("10:00").document("Deploy").targets("i-1"),
                E.command(user("ops")).at("10:01").document("Cleanup").targets("i-1")).end();
        Finding f = h.only();
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.summary()).contains("Cleanup by this principal (new for it)").contains("Cleanup on i-1");
        assertThat(f.evidence()).hasSize(1);
        assertThat(h.counter("notJudged")).isEqualTo(2);
    }

    @Test
    void aPairIsReportedOnceAndAPrincipalWithoutHistoryIsHigh() {
        h.push(E.command(user("ops")).at("08:00").targets("i-1"),
                E.command(user("stranger")).at("10:30").targets("i-1"),
                E.command(user("stranger")).at("11:30").targets("i-1"),
                E.command(user("stranger")).at("11:40").targets("i-2")).end();
        assertThat(h.findings()).hasSize(2);
        assertThat(h.findings().get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(h.findings().get(0).summary()).contains("AWS-RunShellScript by a principal with no history");
        assertThat(h.findings().get(1).summary()).contains("AWS-RunShellScript on i-2 (a target with no history)")
                .doesNotContain("on i-1");
    }

    @Test
    void approvedDocumentsAreNeverRare() {
        h.push(E.command(user("ops")).at("08:00"),
                E.command(user("patcher")).at("11:00").document("AWS-RunPatchBaseline").targets("i-9")).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void withoutHistoryNothingIsJudged() {
        DetectorHarness none = new DetectorHarness(new RareCommandDetector(History.none(), List.of()));
        none.push(E.command(user("x")).at("10:00")).end();
        assertThat(none.findings()).isEmpty();
        assertThat(none.counter("notJudged")).isEqualTo(1);
    }

    @Test
    void findingsWaitForTheWatermarkToPassTheHour() {
        h.push(E.command(user("ops")).at("08:00"), E.command(user("ops")).at("10:15").document("New"));
        h.watermark(t("11:00") - 1);
        assertThat(h.findings()).isEmpty();
        h.watermark(t("11:00"));
        assertThat(h.findings()).hasSize(1);
        assertThat(h.counter("keysLive")).isZero();
    }
}
