package dev.cadet.detectors;

import dev.cadet.detectors.testkit.E;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Bugs the arrival-order property found, each pinned with the smallest scenario that showed it. */
class ArrivalOrderRegressionTest {

    private static final DetectionConfig CONFIG = DetectionConfig.builder().allowedLateness(Duration.ofMinutes(30))
            .build();

    /**
     * failed-then-success lost a failure when adding it first evicted the key's only older failure: the
     * eviction released the key and the new failure went to state no longer held. Whether the old failure
     * was evicted by a watermark before (finding) or inline (no finding) depended on arrival order.
     */
    @Test
    void aFailureThatEvictsTheKeysLastOldFailureIsStillCounted() {
        String alice = user("alice");
        CloudEvent old = E.loginFailed(alice).id("f0").at("01:16").ip("203.0.113.66").build();
        CloudEvent f1 = E.denied(alice).id("f1").at("02:23").ip("203.0.113.66").build();
        CloudEvent f2 = E.denied(alice).id("f2").at("02:46").ip("203.0.113.66").build();
        CloudEvent otherSuccess = E.login(alice).id("s0").at("02:49").build();
        CloudEvent f3 = E.denied(alice).id("f3").at("02:55").build();
        CloudEvent success = E.login(alice).id("s1").at("03:00").ip("203.0.113.66").build();

        for (List<CloudEvent> arrival : List.of(List.of(old, f1, f2, otherSuccess, f3, success),
                List.of(old, f1, f2, f3, success, otherSuccess))) {
            Pipeline p = Pipeline.create(CONFIG);
            arrival.forEach(p::push);
            DetectionResult result = p.finish();

            assertThat(result.counters().late()).isZero();
            assertThat(result.findings()).filteredOn(f -> f.detector().equals("failed-then-success"))
                    .singleElement().extracting(Finding::evidence).asList().hasSize(4);
        }
    }
}
