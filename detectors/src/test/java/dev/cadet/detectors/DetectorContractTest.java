package dev.cadet.detectors;

import dev.cadet.detectors.testkit.E;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Mfa;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

/** What every built-in detector promises: late events are counted and ignored, and the end drops all state. */
class DetectorContractTest {

    static List<String> ids() {
        return Detectors.catalogue().stream().map(DetectorInfo::id).toList();
    }

    private static Detector detector(String id) {
        DetectionConfig config = DetectionConfig.builder().iocAddresses(List.of("198.51.100.0/24")).build();
        return Detectors.builtIn(config).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /** Events that touch every detector's state: a sign-in without MFA, failures, IAM changes, commands. */
    private static List<CloudEvent> busyMorning(String at) {
        long base = t(at);
        List<CloudEvent> events = new ArrayList<>();
        events.add(E.loginFailed(user("x")).at(base).build());
        events.add(E.denied(user("x")).at(base + 1).build());
        events.add(E.login(user("x")).mfa(Mfa.NOT_USED).country("DE").at(base + 2).build());
        events.add(E.createKey(user("x"), user("x"), "AKIAEXAMPLEKEY000001").at(base + 3).build());
        events.add(E.command(user("x")).country("AU").targets("i-1").lines("useradd z").at(base + 4).build());
        return events;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void aLateEventIsCountedAndIgnored(String id) {
        Detector d = detector(id);
        List<Finding> out = new ArrayList<>();
        busyMorning("10:00").forEach(e -> d.onEvent(e, out::add));
        d.onWatermark(t("12:00"), out::add);
        int before = out.size();
        busyMorning("11:00").forEach(e -> d.onEvent(e, out::add));
        assertThat(d.counters().get("late")).isEqualTo(5L);
        assertThat(out).as("late events produce nothing").hasSize(before);
        d.onEnd(out::add);
        assertThat(d.counters().get("keysLive")).as("state after the end").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void watermarksNeverMoveBackAndFindingsHaveNoIdYet(String id) {
        Detector d = detector(id);
        List<Finding> out = new ArrayList<>();
        busyMorning("10:00").forEach(e -> d.onEvent(e, out::add));
        d.onWatermark(t("13:00"), out::add);
        d.onWatermark(t("11:00"), out::add);
        busyMorning("12:30").forEach(e -> d.onEvent(e, out::add));
        assertThat(d.counters().get("late")).isEqualTo(5L);
        d.onEnd(out::add);
        assertThat(out).allSatisfy(f -> {
            assertThat(f.id()).isNull();
            assertThat(f.detector()).isEqualTo(id);
        });
    }
}
