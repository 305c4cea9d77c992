package dev.cadet.detectors;

import dev.cadet.detectors.testkit.E;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.model.PipelineCounters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Events later than the allowed lateness are counted and listed by location, never dropped silently. */
class LateEventsTest {

    private static final DetectionConfig TEN_MINUTES = DetectionConfig.builder()
            .allowedLateness(Duration.ofMinutes(10)).build();

    @Test
    void lateEventsAreCountedAndListedInArrivalOrder() {
        Pipeline p = Pipeline.create(TEN_MINUTES);
        p.push(E.command(user("alice")).id("now").at("10:30").build());
        CloudEvent late1 = E.command(user("mallory")).id("late-1").at("10:05").build();
        CloudEvent onTime = E.command(user("bob")).id("on-time").at("10:20").build();
        CloudEvent late2 = E.login(user("mallory")).id("late-2").at("09:00").build();
        p.push(late1);
        p.push(onTime);
        p.push(late2);

        PipelineCounters c = p.finish().counters();

        assertThat(c.late()).isEqualTo(2);
        assertThat(c.lateEvents()).containsExactly(late1.origin(), late2.origin());
        assertThat(c.analysed()).isEqualTo(2);
    }

    @Test
    void theListIsCappedButTheCountIsExact() {
        Pipeline p = Pipeline.create(TEN_MINUTES);
        p.push(E.other(user("alice")).id("now").at("23:00").build());
        List<Origin> pushed = new ArrayList<>();
        int n = PipelineCounters.LATE_EVENTS_LISTED + 250;
        for (int i = 0; i < n; i++) {
            CloudEvent e = E.other(user("u" + i)).id("late-" + i).at(t("01:00") + i).build();
            pushed.add(e.origin());
            p.push(e);
        }

        PipelineCounters c = p.finish().counters();

        assertThat(c.late()).isEqualTo(n);
        assertThat(c.lateEvents()).hasSize(PipelineCounters.LATE_EVENTS_LISTED)
                .containsExactlyElementsOf(pushed.subList(0, PipelineCounters.LATE_EVENTS_LISTED));
    }

    @Test
    void aLateCopyOfAnAnalysedEventIsADuplicateNotLate() {
        Pipeline p = Pipeline.create(TEN_MINUTES);
        CloudEvent first = E.command(user("alice")).id("x").at("10:00").build();
        p.push(first);
        p.push(E.other(user("bob")).id("later").at("10:15").build());
        p.push(first);

        PipelineCounters c = p.finish().counters();

        assertThat(c.duplicates()).isEqualTo(1);
        assertThat(c.late()).isZero();
        assertThat(c.lateEvents()).isEmpty();
    }
}
