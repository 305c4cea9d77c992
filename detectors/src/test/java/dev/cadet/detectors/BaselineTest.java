package dev.cadet.detectors;

import dev.cadet.detectors.testkit.E;
import dev.cadet.model.BaselineSummary;
import dev.cadet.model.Decision;
import dev.cadet.model.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.cadet.detectors.testkit.E.MINUTE;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    @Test
    void aLearnerKeepsNetworksCountriesOperationsTargetsAndPeaks() {
        Baseline.Learner learner = Baseline.learner();
        learner.add(E.other(user("ann")).ip("198.51.100.7").country("DE").at("08:00").build());
        for (int i = 0; i < 4; i++) {
            learner.add(E.command(user("ann")).ip("2001:db8:1:2::5").targets("i-" + i).at(t("10:00") + i * MINUTE).build());
        }
        learner.add(E.command(user("ann")).document("Deploy").targets("i-9").at("11:30").build());
        learner.add(E.denied(user("ann")).document("Refused").ip("203.0.113.1").at("11:40").build());
        Baseline b = learner.build();

        assertThat(b.from()).isEqualTo(t("08:00"));
        assertThat(b.until()).isEqualTo(t("11:40") + 1);
        assertThat(b.events()).isEqualTo(7);
        Baseline.PrincipalHistory ann = b.principals().get(0);
        assertThat(ann.networks()).containsExactly("198.51.100.0/24", "2001:db8:1::/48");
        assertThat(ann.countries()).containsExactly("DE");
        assertThat(ann.operations()).containsExactly("AWS-RunShellScript", "Deploy");
        assertThat(ann.targets()).containsExactly("i-0", "i-1", "i-2", "i-3", "i-9");
        assertThat(ann.peakCommandsPerHour()).isEqualTo(4);
        assertThat(ann.peakTargetsPerHour()).isEqualTo(4);
        assertThat(ann.commands()).isEqualTo(5);
        assertThat(b.targets()).containsEntry("i-9", List.of("Deploy"));
        assertThat(b.accounts()).singleElement().satisfies(a -> assertThat(a.peakCommandsPerHour()).isEqualTo(4));
    }

    @Test
    void aStoredBaselineIsWhatTheScanIsJudgedAgainst() {
        Baseline b = Baseline.learner().add(E.command(user("ann")).ip("198.51.100.7").at("08:00").build()).build();
        DetectionConfig config = DetectionConfig.builder().baseline(b, "baseline.json").build();
        Pipeline p = Pipeline.create(config);
        p.push(E.command(user("ann")).ip("198.51.100.9").at("09:00").build());
        p.push(E.command(user("ann")).ip("203.0.113.50").document("Other").at("09:05").build());
        DetectionResult r = p.finish();
        assertThat(r.findings()).extracting(f -> f.detector()).contains("rare-command", "unknown-source");
        BaselineSummary s = r.counters().baseline();
        assertThat(s.origin()).isEqualTo(BaselineSummary.Origin.STORED);
        assertThat(s.source()).isEqualTo("baseline.json");
        assertThat(s.principals()).isEqualTo(1);
        assertThat(s.description()).contains("stored baseline baseline.json");
    }

    @Test
    void withoutAStoredBaselineTheReportSaysWhatServedAsOne() {
        Pipeline p = Pipeline.create(DetectionConfig.builder().learningPeriod(Duration.ofHours(2)).build());
        p.push(E.other(user("ann")).at("08:00").build());
        p.push(E.other(user("ann")).at("11:00").build());
        BaselineSummary s = p.finish().counters().baseline();
        assertThat(s.origin()).isEqualTo(BaselineSummary.Origin.LEARNED_FROM_SCAN);
        assertThat(s.from()).isEqualTo(t("08:00"));
        assertThat(s.until()).isEqualTo(t("10:00"));
        assertThat(s.description()).startsWith("No stored baseline: the first 2h of the scanned logs")
                .contains("were not judged");

        Pipeline shortLogs = Pipeline.create(DetectionConfig.defaults());
        shortLogs.push(E.other(user("ann")).at("08:00").build());
        assertThat(shortLogs.finish().counters().baseline().description()).contains("The logs end inside that period");

        Pipeline none = Pipeline.create(DetectionConfig.builder().learningPeriod(Duration.ZERO).build());
        none.push(E.command(user("ann")).at("08:00").build());
        assertThat(none.finish().counters().baseline().origin()).isEqualTo(BaselineSummary.Origin.NONE);
    }

    @Test
    void aBaselineWithABadNetworkFailsWhereItIsBuilt() {
        assertThatThrownBy(() -> new Baseline(0, 1, 1, List.of(new Baseline.PrincipalHistory("p", List.of("10.0.0.0/8"),
                List.of(), List.of(), List.of(), 0, 0, 0, 1)), Map.of(), List.of()))
                .hasMessage("principal p: network '10.0.0.0/8' is not an IPv4 /24 or IPv6 /48 block");
        assertThatThrownBy(() -> new Baseline(5, 1, 0, List.of(), Map.of(), List.of()))
                .hasMessage("baseline until (1) is before from (5)");
    }

    @Test
    void aGeoLocatorFillsTheCountryAndImpossibleTravelFollows() {
        GeoLocator geo = ip -> ip.startsWith("198.51.100.") ? new GeoLocator.Place("DE", "Berlin")
                : ip.startsWith("203.0.113.") ? new GeoLocator.Place("AU", null) : null;
        Pipeline p = Pipeline.create(DetectionConfig.builder().geoLocator(geo).build());
        p.push(E.login(user("ann")).ip("198.51.100.7").at("08:00").build());
        p.push(E.command(user("ann")).ip("203.0.113.7").at("09:00").build());
        p.push(E.command(user("ann")).ip("192.0.2.1").outcome(Outcome.UNKNOWN).at("09:01").build());
        DetectionResult r = p.finish();
        assertThat(r.findings()).extracting(f -> f.detector()).contains("geo-anomaly");
        assertThat(r.counters().detectorCounts().get("geoip")).containsEntry("located", 2L);
        assertThat(r.incidents().get(0).decision()).isEqualTo(Decision.ESCALATE_TIER2);
    }

    @Test
    void theNoveltyAnswersDoNotDependOnTheOrderOfTheDetectors() {
        java.util.List<dev.cadet.model.CloudEvent> events = dev.cadet.detectors.scenarios.ScenarioLibrary.all().get(1).events();
        DetectionConfig config = DetectionConfig.defaults();
        Pipeline forward = Pipeline.create(config);
        java.util.List<Detector> reversed = new java.util.ArrayList<>(Detectors.builtIn(config));
        java.util.Collections.reverse(reversed);
        Pipeline backward = Pipeline.create(config, reversed);
        events.forEach(forward::push);
        events.forEach(backward::push);
        assertThat(backward.finish().findings()).isEqualTo(forward.finish().findings());
    }

    @Test
    void learningGoesInBatchesAndLosesNothingAcrossTheirEdges() {
        // More events than one learning batch, principals and addresses repeating as objects and as copies,
        // failures and unknown principals among them: every count as if learned one event at a time.
        Baseline.Learner learner = Baseline.learner();
        String[] ips = {"198.51.100.7", "203.0.113.9", "2001:db8:1:2::5"};
        for (int i = 0; i < 1_300; i++) {
            String who = i % 7 == 0 ? "unknown" : user("u" + i % 5);
            E.Builder e = i % 11 == 0 ? E.loginFailed(who) : E.other(i % 2 == 0 ? who : new String(who));
            learner.add(e.ip(i % 3 == 2 ? new String(ips[i % 3]) : ips[(i / 100) % 2]).at(t("00:00") + i * 1_000L).build());
        }
        Baseline b = learner.build();
        assertThat(b.events()).isEqualTo(1_300);
        assertThat(b.principals()).extracting(Baseline.PrincipalHistory::principal)
                .containsExactly(user("u0"), user("u1"), user("u2"), user("u3"), user("u4"));
        long learned = 0;
        for (int i = 0; i < 1_300; i++) {
            learned += i % 7 != 0 && i % 11 != 0 ? 1 : 0;
        }
        assertThat(b.principals().stream().mapToLong(Baseline.PrincipalHistory::events).sum()).isEqualTo(learned);
        assertThat(b.principals()).allSatisfy(p -> assertThat(p.networks())
                .containsExactly("198.51.100.0/24", "2001:db8:1::/48", "203.0.113.0/24"));
    }

    @Test
    void aPrincipalListedTwiceInAStoredBaselineKeepsItsLastEntry() {
        Baseline.PrincipalHistory first = new Baseline.PrincipalHistory(user("ann"), List.of("198.51.100.0/24"),
                List.of(), List.of("Deploy"), List.of(), 1, 1, 1, 1);
        Baseline.PrincipalHistory last = new Baseline.PrincipalHistory(user("ann"), List.of("203.0.113.0/24"),
                List.of(), List.of(), List.of(), 0, 0, 0, 2);
        Baseline b = new Baseline(t("00:00"), t("01:00"), 3, List.of(first, last), Map.of(), List.of());
        Pipeline p = Pipeline.create(DetectionConfig.builder().baseline(b, "baseline.json").build());
        p.push(E.command(user("ann")).ip("198.51.100.9").document("Deploy").at("09:00").build());
        DetectionResult r = p.finish();
        assertThat(r.findings()).extracting(f -> f.detector()).contains("rare-command", "unknown-source");
        assertThat(r.counters().baseline().principals()).isEqualTo(1);
    }
}
