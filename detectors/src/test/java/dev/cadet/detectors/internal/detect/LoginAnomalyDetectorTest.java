package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.Finding;
import dev.cadet.model.Mfa;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class LoginAnomalyDetectorTest {

    private final DetectorHarness h = new DetectorHarness(new LoginAnomalyDetector(History.learning(HOUR),
            List.of("192.0.2.0/24"), Duration.ofHours(2)));

    @Test
    void aSignInWithoutMfaThenACommandWithinTheWindow() {
        h.push(E.login(user("dave")).mfa(Mfa.NOT_USED).at("10:00").id("login"),
                E.command(user("dave")).at("11:59").id("cmd")).end();
        Finding f = h.only();
        assertThat(f.evidence()).extracting(e -> e.eventId()).containsExactly("login", "cmd");
        assertThat(f.summary()).contains("without MFA from 198.51.100.7 at 2024-05-01T10:00:00Z");
    }

    @Test
    void theSignInCountsForCommandsUpToExactlyOneWindowLaterAndNoFurther() {
        // The sign-in counts for a command at c when it lies in [c - 2h, c).
        h.push(E.login(user("dave")).mfa(Mfa.NOT_USED).at("10:00"), E.command(user("dave")).at("12:00")).end();
        assertThat(h.findings()).hasSize(1);
        DetectorHarness later = new DetectorHarness(new LoginAnomalyDetector(History.none(), List.of(), Duration.ofHours(2)));
        later.push(E.login(user("dave")).mfa(Mfa.NOT_USED).at("10:00"), E.command(user("dave")).at(t("12:00") + 1)).end();
        assertThat(later.findings()).isEmpty();
    }

    @Test
    void aCommandAtTheSameMillisecondDoesNotFollowIt() {
        h.push(E.login(user("dave")).mfa(Mfa.NOT_USED).at("10:00"), E.command(user("dave")).at("10:00")).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void aSignInWithMfaFromAKnownNetworkIsFine() {
        h.push(E.other(user("dave")).ip("198.51.100.9").at("08:30"),
                E.login(user("dave")).mfa(Mfa.USED).ip("198.51.100.10").at("10:00"),
                E.command(user("dave")).at("10:05")).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void aSignInFromANewNetworkCountsAfterLearningAndApprovedNetworksNever() {
        h.push(E.other(user("dave")).ip("198.51.100.9").at("08:30"),
                E.login(user("dave")).mfa(Mfa.USED).ip("192.0.2.7").at("10:00"),
                E.command(user("dave")).at("10:05"),
                E.login(user("dave")).mfa(Mfa.USED).ip("203.0.113.50").at("13:00"),
                E.command(user("dave")).at("13:05")).end();
        assertThat(h.only().summary()).contains("from 203.0.113.50, a new network for it");
    }

    @Test
    void theSignInIsEvictedBelowTheWatermarkMinusTheWindow() {
        h.push(E.login(user("dave")).mfa(Mfa.NOT_USED).at("10:00"));
        h.watermark(t("12:00"));
        assertThat(h.counter("keysLive")).isEqualTo(1);
        h.watermark(t("12:00") + 1);
        assertThat(h.counter("keysLive")).isZero();
    }
}
