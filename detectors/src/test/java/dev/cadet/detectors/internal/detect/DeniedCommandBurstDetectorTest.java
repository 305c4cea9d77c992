package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.Finding;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.cadet.detectors.testkit.E.MINUTE;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class DeniedCommandBurstDetectorTest {

    private final DetectorHarness h = new DetectorHarness(new DeniedCommandBurstDetector(3, Duration.ofMinutes(10)));

    @Test
    void thresholdMinusOneIsNothingAndTheThresholdIsABurst() {
        h.push(E.denied(user("x")).at("10:00"), E.denied(user("x")).at("10:01").error("InvalidInstanceId")).end();
        assertThat(h.findings()).isEmpty();
        DetectorHarness three = new DetectorHarness(new DeniedCommandBurstDetector(3, Duration.ofMinutes(10)));
        three.push(E.denied(user("x")).at("10:00"), E.denied(user("x")).at("10:01").error("InvalidInstanceId"),
                E.denied(user("x")).at("10:02").error("Client.UnauthorizedOperation")).end();
        Finding f = three.only();
        assertThat(f.summary()).startsWith("3 refused command executions for " + user("x"))
                .contains("AccessDenied x1").contains("InvalidInstanceId x1");
    }

    @Test
    void failuresAWindowApartAreNotOneBurst() {
        h.push(E.denied(user("x")).at("10:00"), E.denied(user("x")).at("10:05"), E.denied(user("x")).at("10:10")).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void aBurstGrowsWhileRefusalsKeepComingAndIsReportedWhenItEnds() {
        for (int i = 0; i < 6; i++) {
            h.push(E.denied(user("x")).at(t("10:00") + i * 4 * MINUTE));
        }
        // Last refusal at 10:20: a refusal before 10:30 would still join.
        h.watermark(t("10:30") - 1);
        assertThat(h.findings()).isEmpty();
        h.watermark(t("10:30"));
        assertThat(h.only().evidence()).hasSize(6);
        assertThat(h.counter("keysLive")).isZero();
    }

    @Test
    void otherErrorsAndReadsAreNotRefusals() {
        h.push(E.denied(user("x")).at("10:00").error("ThrottlingException"),
                E.denied(user("x")).at("10:01").error("ThrottlingException"),
                E.denied(user("x")).at("10:02").error("ThrottlingException")).end();
        assertThat(h.findings()).isEmpty();
    }
}
