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

class FailedThenSuccessDetectorTest {

    private final DetectorHarness h = new DetectorHarness(new FailedThenSuccessDetector(3, Duration.ofHours(1)));

    @Test
    void threeFailedLoginsThenASuccessfulLoginIsHigh() {
        h.push(E.loginFailed(user("bob")).at("10:00").id("f1"),
                E.loginFailed(user("bob")).at("10:01").id("f2"),
                E.loginFailed(user("bob")).at("10:02").id("f3"),
                E.login(user("bob")).at("10:03").id("ok"));

        Finding f = h.only();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.evidence()).extracting(e -> e.eventId()).containsExactly("f1", "f2", "f3", "ok");
        assertThat(f.firstSeen()).isEqualTo(t("10:00"));
        assertThat(f.lastSeen()).isEqualTo(t("10:03"));
        assertThat(f.principal()).isEqualTo(user("bob"));
        assertThat(f.summary()).startsWith("3 failed attempts").contains("signin:ConsoleLogin");
    }

    @Test
    void oneFailureShortOfTheThresholdIsNothing() {
        h.push(E.loginFailed(user("bob")).at("10:00"), E.loginFailed(user("bob")).at("10:01"),
                E.login(user("bob")).at("10:03")).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void deniedCommandsThenASuccessfulCommandIsCritical() {
        h.push(E.denied(user("bob")).at("10:00"),
                E.denied(user("bob")).at("10:01").error("Client.UnauthorizedOperation"),
                E.denied(user("bob")).at("10:02").error("AccessDeniedException"),
                E.command(user("bob")).at("10:03").targets("i-0123456789abcdef0"));
        assertThat(h.only().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(h.only().summary()).contains("a command ran after the failures");
        assertThat(h.only().targets()).containsExactly("i-0123456789abcdef0");
    }

    @Test
    void otherErrorsAreNotFailedAttempts() {
        h.push(E.denied(user("bob")).at("10:00").error("ThrottlingException"),
                E.denied(user("bob")).at("10:01").error("InvalidInstanceId"),
                E.denied(user("bob")).at("10:02").error(null),
                E.command(user("bob")).at("10:03"));
        assertThat(h.findings()).isEmpty();
        assertThat(h.counter("matched")).isEqualTo(1);
    }

    @Test
    void aFailureExactlyOneWindowBeforeTheSuccessCounts() {
        // The failure window of a success at s is [s - 1h, s).
        h.push(E.loginFailed(user("bob")).at("09:00"), E.loginFailed(user("bob")).at("09:30"),
                E.loginFailed(user("bob")).at("09:45"), E.login(user("bob")).at("10:00"));
        assertThat(h.findings()).hasSize(1);
    }

    @Test
    void aFailureOneMillisecondOutsideTheWindowDoesNot() {
        h.push(E.loginFailed(user("bob")).at(t("09:00") - 1), E.loginFailed(user("bob")).at("09:30"),
                E.loginFailed(user("bob")).at("09:45"), E.login(user("bob")).at("10:00"));
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void aFailureAtTheSameMillisecondAsTheSuccessDoesNotPrecedeIt() {
        h.push(E.loginFailed(user("bob")).at("09:30"), E.loginFailed(user("bob")).at("09:45"),
                E.loginFailed(user("bob")).at("10:00"), E.login(user("bob")).at("10:00"));
        assertThat(h.findings()).isEmpty();
        // It still counts for a later success.
        h.push(E.login(user("bob")).at("10:00:00.001"));
        assertThat(h.findings()).hasSize(1);
    }

    @Test
    void failuresFromOneAddressNamingNobodyThenASuccessFromIt() {
        String ip = "203.0.113.9";
        h.push(E.loginFailed(Actor.UNKNOWN_PRINCIPAL).ip(ip).at("10:00"),
                E.loginFailed("HIDDEN_DUE_TO_SECURITY_REASONS").ip(ip).at("10:01"),
                E.loginFailed(user("carol")).ip(ip).at("10:02"),
                E.login(user("dave")).ip(ip).at("10:03"));
        Finding f = h.only();
        assertThat(f.principal()).isEqualTo(user("dave"));
        assertThat(f.sourceIp()).isEqualTo(ip);
        assertThat(f.summary()).contains("for source " + ip);
    }

    @Test
    void bothKeysFiringOnOneSuccessMakeOneFinding() {
        String ip = "203.0.113.9";
        h.push(E.loginFailed(user("bob")).ip(ip).at("10:00"), E.loginFailed(user("bob")).ip(ip).at("10:01"),
                E.loginFailed(user("bob")).ip(ip).at("10:02"), E.login(user("bob")).ip(ip).at("10:03"));
        Finding f = h.only();
        assertThat(f.evidence()).hasSize(4);
        assertThat(f.summary()).contains("for principal " + user("bob") + " and source " + ip);
        assertThat(h.counter("keysLive")).isZero();
    }

    @Test
    void theKeyIsResetAfterAFinding() {
        h.push(E.loginFailed(user("bob")).at("10:00"), E.loginFailed(user("bob")).at("10:01"),
                E.loginFailed(user("bob")).at("10:02"), E.login(user("bob")).at("10:03"),
                E.command(user("bob")).at("10:04"));
        assertThat(h.findings()).hasSize(1);
    }

    @Test
    void evictsFailuresOnceNoFutureSuccessCanUseThem() {
        h.push(E.loginFailed(user("bob")).ip("203.0.113.9").at("10:00"),
                E.loginFailed(user("bob")).ip("203.0.113.9").at("10:10"));
        assertThat(h.counter("keysLive")).isEqualTo(2);
        // A success at exactly 11:00 could still count the 10:00 failure.
        h.watermark(t("11:00"));
        assertThat(h.counter("evictions")).isZero();
        h.watermark(t("11:00") + 1);
        assertThat(h.counter("evictions")).isEqualTo(2);
        h.watermark(t("11:10") + 1);
        assertThat(h.counter("evictions")).isEqualTo(4);
        assertThat(h.counter("keysLive")).isZero();
        assertThat(h.counter("principalsLive")).isZero();
        assertThat(h.counter("sourcesLive")).isZero();
    }

    @Test
    void stateStaysBoundedUnderASteadyStreamOfFailures() {
        for (int i = 0; i < 10_000; i++) {
            long time = t("00:00") + i * 60_000L;
            h.push(E.loginFailed(user("u" + (i % 50))).ip("203.0.113." + (i % 200)).at(time)
                    .outcome(Outcome.FAILURE));
            h.watermark(time - HOUR);
        }
        // Two hours of failures are live at most: 50 principals and at most 120 addresses.
        assertThat(h.counter("keysLive")).isLessThanOrEqualTo(50 + 200);
        assertThat(h.counter("evictions")).isGreaterThan(2 * (10_000 - 130));
    }
}
