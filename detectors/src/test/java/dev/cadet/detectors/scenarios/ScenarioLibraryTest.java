package dev.cadet.detectors.scenarios;

import dev.cadet.detectors.DetectionResult;
import dev.cadet.detectors.Pipeline;
import dev.cadet.model.Answer;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Decision;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario of the library gets the decision it must, for the reasons it must, whatever the event order. */
class ScenarioLibraryTest {

    static List<Scenario> scenarios() {
        return ScenarioLibrary.all();
    }

    static DetectionResult run(Scenario s, List<CloudEvent> events) {
        Pipeline p = Pipeline.create(s.config());
        events.forEach(p::push);
        return p.finish();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void getsItsDecision(Scenario s) {
        DetectionResult r = run(s, s.events());
        Incident incident = r.incidents().stream().filter(i -> i.principals().contains(s.subject())).findFirst()
                .orElseThrow(() -> new AssertionError("no incident for " + s.subject() + " in " + r.incidents()));
        assertThat(incident.decision()).as(s.story() + "\n" + describe(incident)).isEqualTo(s.decision());
        assertThat(incident.findings()).extracting(Finding::detector).as(describe(incident))
                .containsAll(s.detectors());
        assertThat(incident.reasons()).extracting(Reason::rule).as(describe(incident)).containsAll(s.rules());
        assertThat(incident.analysis()).hasSize(4).allSatisfy(a -> assertThat(a.answer()).isNotBlank());
        assertThat(incident.l1Checks()).hasSize(3);
        if (s.decision() == Decision.ESCALATE_TIER2) {
            assertThat(incident.containment()).anySatisfy(step -> assertThat(step.command()).isNotNull());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theDecisionDoesNotDependOnArrivalOrder(Scenario s) {
        List<CloudEvent> shuffled = new ArrayList<>(s.events());
        // Out of order by at most the allowed lateness of one hour: every event is still analysed.
        shuffled.sort((a, b) -> Long.compare(a.time() / 1_800_000L, b.time() / 1_800_000L));
        Random random = new Random(s.name().hashCode());
        for (int i = 0; i + 1 < shuffled.size(); i++) {
            if (random.nextBoolean() && Math.abs(shuffled.get(i).time() - shuffled.get(i + 1).time()) < 1_800_000L) {
                Collections.swap(shuffled, i, i + 1);
            }
        }
        DetectionResult ordered = run(s, s.events());
        DetectionResult mixed = run(s, shuffled);
        assertThat(mixed.counters().late()).isZero();
        assertThat(mixed.incidents()).isEqualTo(ordered.incidents());
    }

    @org.junit.jupiter.api.Test
    void anAzureOperationOfThreeRecordsCountsOnceInEveryDetectorThatCounts() {
        Scenario s = ScenarioLibrary.azureRunCommandByNeverSeenUserFromNewCountry();
        DetectionResult r = run(s, s.events());
        List<Finding> mallory = r.findings().stream().filter(f -> f.principal().equals(s.subject())).toList();
        assertThat(mallory).extracting(Finding::detector).contains("command-execution", "unknown-source", "rare-command");
        assertThat(mallory).filteredOn(f -> f.detector().equals("command-execution"))
                .singleElement().satisfies(f -> assertThat(f.summary()).contains("ran 1 command on 1 target"));
        assertThat(mallory).filteredOn(f -> f.detector().equals("unknown-source"))
                .singleElement().satisfies(f -> assertThat(f.summary()).contains("made 1 command or IAM call"));
    }

    private static String describe(Incident i) {
        StringBuilder b = new StringBuilder(i.id() + " " + i.decision() + "\n");
        i.findings().forEach(f -> b.append("  ").append(f.id()).append(' ').append(f.detector()).append(' ')
                .append(f.severity()).append(": ").append(f.summary()).append('\n'));
        i.reasons().forEach(r -> b.append("  reason ").append(r.rule()).append(' ').append(r.findingIds()).append('\n'));
        for (Answer a : i.analysis()) {
            b.append("  Q ").append(a.question()).append(" -> ").append(a.answer()).append('\n');
        }
        return b.toString();
    }
}
