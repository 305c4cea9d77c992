package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.EventKind;
import dev.cadet.model.Provider;
import org.junit.jupiter.api.Test;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.MINUTE;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class CommandSpikeDetectorTest {

    private static DetectorHarness harness(History history) {
        return new DetectorHarness(new CommandSpikeDetector(history, 10, 3.0, 5));
    }

    private static void commands(DetectorHarness h, String who, String hour, int n) {
        for (int i = 0; i < n; i++) {
            h.push(E.command(user(who)).at(t(hour) + i * MINUTE).account("111122223333").targets("i-" + (i % 3)));
        }
    }

    @Test
    void theFloorDecidesWithoutHistory() {
        DetectorHarness h = harness(History.none());
        commands(h, "ci", "10:00", 9);
        commands(h, "ci", "11:00", 10);
        h.end();
        // 9 commands (N-1) are nothing; 10 (N) are a spike, for the principal and for its account.
        assertThat(h.findings()).hasSize(2);
        assertThat(h.findings()).allSatisfy(f -> assertThat(f.firstSeen()).isEqualTo(t("11:00")));
        assertThat(h.findings().get(1).summary()).startsWith("account 111122223333: 10 commands");
    }

    @Test
    void theRatioIsAgainstTheHistoricPeak() {
        History history = History.learning(3 * HOUR);
        DetectorHarness h = harness(history);
        commands(h, "ci", "00:00", 5);
        commands(h, "ci", "01:00", 2);
        commands(h, "ci", "03:00", 14);
        commands(h, "ci", "04:00", 15);
        h.end();
        // The peak was 5: a spike needs 15 (3 x 5), so 14 is nothing and 15 is one.
        assertThat(h.findings()).extracting(f -> f.firstSeen()).containsOnly(t("04:00"));
        assertThat(h.findings().get(0).summary()).contains("15 commands in the hour from 2024-05-01T04:00:00Z against a"
                + " historic peak of 5");
    }

    @Test
    void hoursInsideTheLearningPeriodAreNotJudged() {
        DetectorHarness h = harness(History.learning(2 * HOUR));
        commands(h, "ci", "00:00", 1);
        commands(h, "ci", "01:00", 40);
        h.end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void azureRecordsOfOneOperationCountOnce() {
        DetectorHarness h = harness(History.none());
        for (int i = 0; i < 10; i++) {
            for (String phase : new String[] {"Started", "Succeeded"}) {
                h.push(E.event(EventKind.COMMAND_EXECUTION, "Microsoft.Compute/virtualMachines/runCommand/action",
                        "ops@example.com").provider(Provider.AZURE).at(t("10:00") + i * MINUTE + ("Started".equals(phase) ? 0 : 30_000))
                        .correlation("op-" + i).id("az-" + i + phase).account(null));
            }
        }
        h.end();
        assertThat(h.findings()).hasSize(1);
        assertThat(h.findings().get(0).summary()).contains("10 commands");
        assertThat(h.counter("matched")).isEqualTo(10);
    }

    @Test
    void fanOutSpikesAgainstItsOwnPeak() {
        History history = History.learning(2 * E.HOUR);
        DetectorHarness h = harness(history);
        h.push(E.command(user("ops")).at("00:00").targets("i-1", "i-2"),
                // Peak 2: a fan-out spike needs max(5, 3 x 2) = 6 targets.
                E.command(user("ops")).at("03:00").targets("i-1", "i-2", "i-3", "i-4", "i-5"),
                E.command(user("ops")).at("04:00").targets("i-1", "i-2", "i-3", "i-4", "i-5", "i-6")).end();
        assertThat(h.findings()).singleElement().satisfies(f ->
                assertThat(f.summary()).contains("fan-out to 6 targets against a historic peak of 2"));
    }

    @Test
    void withoutAPeakAFirstWideCommandIsNoSpikeBelowTheFloor() {
        DetectorHarness h = harness(History.none());
        h.push(E.command(user("ops")).at("10:00").targets("i-1", "i-2", "i-3", "i-4", "i-5", "i-6", "i-7", "i-8", "i-9"),
                E.command(user("ops")).at("11:00").targets("i-1", "i-2", "i-3", "i-4", "i-5", "i-6", "i-7", "i-8", "i-9",
                        "i-10")).end();
        // No history: the spike floor (10 here) decides, so 9 targets are nothing and 10 are a spike.
        assertThat(h.findings()).singleElement().satisfies(f -> assertThat(f.firstSeen()).isEqualTo(t("11:00")));
    }
}
