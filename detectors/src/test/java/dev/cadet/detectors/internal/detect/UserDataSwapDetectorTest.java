package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.EventKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class UserDataSwapDetectorTest {

    private final DetectorHarness h = new DetectorHarness(new UserDataSwapDetector(Duration.ofHours(1)));

    private static E.Builder stop(String at) {
        return E.event(EventKind.OTHER, "ec2:StopInstances", user("m")).targets("i-1").at(at);
    }

    private static E.Builder change(String at) {
        return E.event(EventKind.COMMAND_EXECUTION, "ec2:ModifyInstanceAttribute", user("m")).targets("i-1").at(at);
    }

    private static E.Builder start(long at) {
        return E.event(EventKind.OTHER, "ec2:StartInstances", user("m")).targets("i-1").at(at);
    }

    @Test
    void stopChangeStartOnOneMachineIsASwap() {
        h.push(stop("10:00"), change("10:05"), start(t("10:59:59.999")));
        assertThat(h.only().evidence()).extracting(e -> e.action())
                .containsExactly("ec2:StopInstances", "ec2:ModifyInstanceAttribute", "ec2:StartInstances");
        assertThat(h.only().targets()).containsExactly("i-1");
    }

    @Test
    void aStartOneWindowAfterTheStopIsNot() {
        h.push(stop("10:00"), change("10:05"), start(t("11:00"))).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void aRestartWithoutAChangeIsNot() {
        h.push(stop("10:00"), start(t("10:10"))).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void gcpStopSetMetadataStart() {
        String vm = "projects/p/zones/europe-west1-b/instances/web-1";
        h.push(E.event(EventKind.OTHER, "compute.googleapis.com:v1.compute.instances.stop", "a@example.com").targets(vm).at("10:00"),
                E.event(EventKind.COMMAND_EXECUTION, "compute.googleapis.com:v1.compute.instances.setMetadata", "a@example.com")
                        .targets(vm).at("10:02"),
                E.event(EventKind.OTHER, "compute.googleapis.com:v1.compute.instances.start", "a@example.com").targets(vm).at("10:03"));
        assertThat(h.findings()).hasSize(1);
    }

    @Test
    void aStopIsEvictedOnceNoStartCanComplete() {
        h.push(stop("10:00"));
        h.watermark(t("11:00") - 1);
        assertThat(h.counter("keysLive")).isEqualTo(1);
        h.watermark(t("11:00"));
        assertThat(h.counter("keysLive")).isZero();
        assertThat(h.counter("evictions")).isEqualTo(1);
    }
}
