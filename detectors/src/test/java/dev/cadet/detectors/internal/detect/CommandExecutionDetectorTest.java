package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Provider;
import dev.cadet.model.Severity;
import org.junit.jupiter.api.Test;

import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class CommandExecutionDetectorTest {

    private final DetectorHarness h = new DetectorHarness(new CommandExecutionDetector(5));

    @Test
    void gathersOnePrincipalHourIntoOneFinding() {
        h.push(E.command(user("alice")).at("10:00").targets("i-0a1b2c3d4e5f60001").id("c1"),
                E.command(user("alice")).at("10:20").targets("i-0a1b2c3d4e5f60002").id("c2"),
                E.session(user("alice")).at("10:59:59.999").targets("i-0a1b2c3d4e5f60001").id("c3"));

        // The bucket is [10:00, 11:00): complete once the watermark reaches 11:00, not a millisecond before.
        h.watermark(t("10:59:59.999"));
        assertThat(h.findings()).isEmpty();
        h.watermark(t("11:00"));

        Finding f = h.only();
        assertThat(f.detector()).isEqualTo("command-execution");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.principal()).isEqualTo(user("alice"));
        assertThat(f.firstSeen()).isEqualTo(t("10:00"));
        assertThat(f.lastSeen()).isEqualTo(t("10:59:59.999"));
        assertThat(f.targets()).containsExactly("i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002");
        assertThat(f.evidence()).extracting(e -> e.eventId()).containsExactly("c1", "c2", "c3");
        assertThat(f.summary()).contains("2 commands and 1 interactive session on 2 targets")
                .contains("ssm:SendCommand x2, ssm:StartSession x1").contains("AWS-RunShellScript");
        assertThat(f.action()).isEqualTo("ssm:SendCommand");
        assertThat(f.sourceIp()).isEqualTo("198.51.100.7");
        assertThat(h.counter("evictions")).isEqualTo(1);
        assertThat(h.counter("keysLive")).isZero();
        assertThat(h.counter("bucketsOpen")).isZero();
    }

    @Test
    void anEventAtTheTopOfTheHourStartsTheNextBucket() {
        h.push(E.command(user("alice")).at("10:59:59.999"), E.command(user("alice")).at("11:00"));
        h.watermark(t("11:00"));
        assertThat(h.findings()).hasSize(1);
        assertThat(h.counter("bucketsOpen")).isEqualTo(1);
        h.end();
        assertThat(h.findings()).extracting(Finding::firstSeen).containsExactly(t("10:59:59.999"), t("11:00"));
    }

    @Test
    void principalsGetTheirOwnFindings() {
        h.push(E.command(user("alice")).at("10:00"), E.command(user("bob")).at("10:01")).end();
        assertThat(h.findings()).extracting(Finding::principal).containsExactlyInAnyOrder(user("alice"), user("bob"));
    }

    @Test
    void fanOutAtTheThresholdIsMedium() {
        for (int i = 1; i <= 5; i++) {
            h.push(E.command(user("alice")).at(t("10:00") + i).targets("i-000000000000000" + i));
        }
        h.push(E.command(user("bob")).at("10:01").targets("i-0000000000000001", "i-0000000000000002",
                "i-0000000000000003", "i-0000000000000004"));
        h.end();
        assertThat(h.findings()).filteredOn(f -> f.principal().equals(user("alice")))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(f.summary()).contains("fan-out 5 reaches the threshold of 5");
                });
        assertThat(h.findings()).filteredOn(f -> f.principal().equals(user("bob")))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.LOW);
    }

    @Test
    void aTargetSelectorCountsAsFanOut() {
        h.push(E.command(user("alice")).at("10:00").targets("tag:Environment=prod")).end();
        assertThat(h.only().severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void failedExecutionsAreNotCommandExecutionsButUnfinishedOnesAre() {
        h.push(E.denied(user("alice")).at("10:00"),
                E.command(user("alice")).at("10:01").outcome(Outcome.UNKNOWN).id("started"),
                E.other(user("alice")).at("10:02")).end();
        assertThat(h.only().evidence()).extracting(e -> e.eventId()).containsExactly("started");
        assertThat(h.counter("matched")).isEqualTo(1);
    }

    @Test
    void recordsOfOneOperationCountOnce() {
        String vm = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";
        String op = "Microsoft.Compute/virtualMachines/runCommand/action";
        h.push(E.command("alice@example.com").provider(Provider.AZURE).action(op).at("10:00").targets(vm)
                        .outcome(Outcome.UNKNOWN).correlation("corr-1"),
                E.command("alice@example.com").provider(Provider.AZURE).action(op).at("10:01").targets(vm)
                        .correlation("corr-1"),
                E.command("alice@example.com").provider(Provider.AZURE).action(op).at("10:02").targets(vm)
                        .correlation("corr-2")).end();
        assertThat(h.only().summary()).contains("ran 2 commands on 1 target");
        assertThat(h.counter("merged")).isEqualTo(1);
    }

    @Test
    void evidenceIsCappedButNamesEveryAddressAndTheLatestEvent() {
        for (int i = 0; i < 120; i++) {
            h.push(E.command(user("ci")).at(t("10:00") + i * 1000L).id(String.format("n%03d", i)));
        }
        h.push(E.command(user("ci")).at("10:30").ip("203.0.113.66").id("odd-one"));
        h.push(E.command(user("ci")).at("10:45").id("last"));
        h.end();

        Finding f = h.only();
        assertThat(f.evidence()).hasSize(CommandExecutionDetector.EVIDENCE_CAP);
        assertThat(f.evidence()).extracting(e -> e.eventId()).contains("n000", "odd-one", "last");
        assertThat(f.evidence()).extracting(e -> e.eventId()).doesNotContain("n119");
        assertThat(f.summary()).contains("ran 122 commands").contains("evidence lists 50 of 122 events");
        assertThat(f.lastSeen()).isEqualTo(t("10:45"));
    }

    @Test
    void endFlushesOpenBucketsWithoutCountingEvictions() {
        h.push(E.command(user("alice")).at("10:00")).watermark(t("10:30"));
        assertThat(h.findings()).isEmpty();
        h.end();
        assertThat(h.findings()).hasSize(1);
        assertThat(h.counter("evictions")).isZero();
        assertThat(h.counter("keysLive")).isZero();
    }

    @Test
    void eventsBehindTheWatermarkAreCountedLateAndIgnored() {
        h.watermark(t("11:00")).push(E.command(user("alice")).at("10:59")).end();
        assertThat(h.findings()).isEmpty();
        assertThat(h.counter("late")).isEqualTo(1);
    }

    @Test
    void theWatermarkNeverMovesBack() {
        h.push(E.command(user("alice")).at("10:00")).watermark(t("10:30")).watermark(t("09:00"));
        h.push(E.command(user("alice")).at("10:15"));
        assertThat(h.counter("late")).isEqualTo(1);
    }

    @Test
    void eventsOutOfOrderAreCountedLateRatherThanCorruptingState() {
        h.push(E.command(user("alice")).at("10:30"), E.command(user("alice")).at("10:15")).end();
        assertThat(h.counter("late")).isEqualTo(1);
        assertThat(h.only().summary()).contains("ran 1 command");
    }
}
