package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.Actor;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class IamThenCommandDetectorTest {

    private static final String NEW_KEY = "AKIAIOSFODNN7EXAMPLE";
    private final DetectorHarness h = new DetectorHarness(new IamThenCommandDetector(Duration.ofHours(24)));

    @Test
    void aNewKeyForAUserThenACommandByThatUser() {
        h.push(E.createKey(user("admin"), user("bob"), NEW_KEY).at("08:00").id("iam"),
                E.command(user("bob")).key(NEW_KEY).at("10:05").targets("i-0123456789abcdef0").id("cmd"));
        h.watermark(t("11:00") - 1);
        assertThat(h.findings()).isEmpty();
        h.watermark(t("11:00"));

        Finding f = h.only();
        assertThat(f.detector()).isEqualTo("iam-then-command");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.principal()).isEqualTo(user("bob"));
        assertThat(f.accessKeyId()).isEqualTo(NEW_KEY);
        assertThat(f.firstSeen()).isEqualTo(t("08:00"));
        assertThat(f.lastSeen()).isEqualTo(t("10:05"));
        assertThat(f.evidence()).extracting(e -> e.eventId()).containsExactly("iam", "cmd");
        assertThat(f.targets()).containsExactly("i-0123456789abcdef0");
        assertThat(f.summary()).contains("iam:CreateAccessKey for " + user("bob") + " (" + NEW_KEY + ") by "
                + user("admin"));
    }

    @Test
    void aPrivilegeChangeByThePrincipalItselfCounts() {
        h.push(E.attachPolicy(user("eve"), user("eve"), "arn:aws:iam::aws:policy/AdministratorAccess").at("09:00"),
                E.session(user("eve")).at("09:30")).end();
        assertThat(h.only().principal()).isEqualTo(user("eve"));
    }

    @Test
    void theChangeMakerRunningCommandsCountsToo() {
        h.push(E.createKey(user("mallory"), user("bob"), NEW_KEY).at("09:00"),
                E.command(user("mallory")).at("09:30")).end();
        assertThat(h.only().principal()).isEqualTo(user("mallory"));
    }

    @Test
    void aCommandWithTheNewKeyCountsForThePrincipalsOfTheChangeOnly() {
        // A principal's findings rest on its own events, so that a host keyed by principal finds the same:
        // a command naming nobody is not tied to a key someone else created.
        h.push(E.createKey(user("admin"), null, NEW_KEY).at("09:00"),
                E.command(Actor.UNKNOWN_PRINCIPAL).key(NEW_KEY).at("09:30"),
                E.command(user("admin")).key(NEW_KEY).at("09:40")).end();
        assertThat(h.only().principal()).isEqualTo(user("admin"));
        assertThat(h.only().accessKeyId()).isEqualTo(NEW_KEY);
    }

    @Test
    void aChangeExactlyOneWindowBeforeTheCommandCounts() {
        // The IAM window of a command at c is [c - 24h, c).
        h.push(E.createKey(user("admin"), user("bob"), NEW_KEY).at("00:00"),
                E.command(user("bob")).at(t("00:00") + 24 * HOUR)).end();
        assertThat(h.findings()).hasSize(1);
    }

    @Test
    void aChangeOneMillisecondOlderDoesNot() {
        h.push(E.createKey(user("admin"), user("bob"), NEW_KEY).at("00:00"),
                E.command(user("bob")).key(NEW_KEY).at(t("00:00") + 24 * HOUR + 1)).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void aChangeAtTheSameMillisecondDoesNotPrecedeTheCommand() {
        h.push(E.createKey(user("admin"), user("bob"), NEW_KEY).at("10:00"),
                E.command(user("bob")).key(NEW_KEY).at("10:00")).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void failedChangesAndFailedCommandsDoNotCount() {
        h.push(E.createKey(user("admin"), user("bob"), NEW_KEY).at("09:00").outcome(Outcome.FAILURE),
                E.command(user("bob")).at("09:30"),
                E.createKey(user("admin"), user("carol"), "AKIAOTHEREXAMPLE0001").at("09:40"),
                E.denied(user("carol")).at("09:50")).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void oneFindingPerPrincipalAndCommandHour() {
        h.push(E.createKey(user("admin"), user("bob"), NEW_KEY).at("08:00"));
        for (int i = 0; i < 40; i++) {
            h.push(E.command(user("bob")).at(t("10:00") + i * 60_000L));
        }
        h.push(E.command(user("bob")).at("11:15"));
        h.end();
        assertThat(h.findings()).hasSize(2);
        Finding first = h.findings().get(0);
        assertThat(first.summary()).contains("ran 40 commands").contains("evidence lists 25 of 40 commands");
        assertThat(first.evidence()).hasSize(26);
        assertThat(first.lastSeen()).isEqualTo(t("10:39"));
    }

    @Test
    void evictsChangesOnceNoFutureCommandCanUseThem() {
        h.push(E.createKey(user("admin"), user("bob"), NEW_KEY).at("00:00"));
        // Remembered for admin, for bob and for the key.
        assertThat(h.counter("keysLive")).isEqualTo(3);
        h.watermark(t("00:00") + 24 * HOUR);
        assertThat(h.counter("evictions")).isZero();
        h.watermark(t("00:00") + 24 * HOUR + 1);
        assertThat(h.counter("evictions")).isEqualTo(3);
        assertThat(h.counter("keysLive")).isZero();
    }
}
