package dev.cadet.detectors.internal.incident;

import dev.cadet.detectors.testkit.F;
import dev.cadet.model.Actor;
import dev.cadet.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class CorrelatorTest {

    private static final long GAP = 24 * HOUR;

    private static List<List<String>> ids(List<List<Finding>> groups) {
        return groups.stream().map(g -> g.stream().map(Finding::id).toList()).toList();
    }

    @Test
    void findingsOfOnePrincipalExactlyOneGapApartBelongTogether() {
        Finding a = F.of("F-1", "x", user("bob"), null, null, t("00:00"), t("01:00"));
        Finding b = F.of("F-2", "x", user("bob"), null, null, t("01:00") + GAP, t("01:00") + GAP);
        assertThat(ids(Correlator.group(List.of(a, b), GAP))).containsExactly(List.of("F-1", "F-2"));
    }

    @Test
    void oneMillisecondMoreStartsANewIncident() {
        Finding a = F.of("F-1", "x", user("bob"), null, null, t("00:00"), t("01:00"));
        Finding b = F.of("F-2", "x", user("bob"), null, null, t("01:00") + GAP + 1, t("01:00") + GAP + 1);
        assertThat(ids(Correlator.group(List.of(a, b), GAP))).containsExactly(List.of("F-1"), List.of("F-2"));
    }

    @Test
    void sharedKeysAndAddressesLinkTransitively() {
        Finding a = F.of("F-1", "x", user("alice"), "AKIAAAAAAAAAAAAAAAA1", "198.51.100.1", t("01:00"), t("01:00"));
        Finding b = F.of("F-2", "x", user("bob"), "AKIAAAAAAAAAAAAAAAA1", "198.51.100.2", t("02:00"), t("02:00"));
        Finding c = F.of("F-3", "x", user("carol"), null, "198.51.100.2", t("03:00"), t("03:00"));
        Finding d = F.of("F-4", "x", user("dave"), null, "198.51.100.9", t("04:00"), t("04:00"));
        assertThat(ids(Correlator.group(List.of(a, b, c, d), GAP)))
                .containsExactly(List.of("F-1", "F-2", "F-3"), List.of("F-4"));
    }

    @Test
    void aLongFindingKeepsLaterOnesInReachEvenAfterShortOnes() {
        // F-1 runs all day; F-2 is short and early; F-3 comes late but within the gap of F-1's end.
        Finding a = F.of("F-1", "x", user("bob"), null, null, t("00:00"), t("23:00"));
        Finding b = F.of("F-2", "x", user("bob"), null, null, t("01:00"), t("01:00"));
        Finding c = F.of("F-3", "x", user("bob"), null, null, t("23:00") + GAP, t("23:00") + GAP);
        assertThat(ids(Correlator.group(List.of(a, b, c), GAP))).containsExactly(List.of("F-1", "F-2", "F-3"));
    }

    @Test
    void unknownPrincipalsAndMissingValuesLinkNothing() {
        Finding a = F.of("F-1", "x", Actor.UNKNOWN_PRINCIPAL, null, null, t("01:00"), t("01:00"));
        Finding b = F.of("F-2", "x", Actor.UNKNOWN_PRINCIPAL, null, null, t("02:00"), t("02:00"));
        assertThat(ids(Correlator.group(List.of(a, b), GAP))).containsExactly(List.of("F-1"), List.of("F-2"));
    }

    @Test
    void aPrincipalDoesNotLinkToAnAddressWithTheSameText() {
        Finding a = F.of("F-1", "x", "198.51.100.1", null, null, t("01:00"), t("01:00"));
        Finding b = F.of("F-2", "x", user("x"), null, "198.51.100.1", t("02:00"), t("02:00"));
        assertThat(Correlator.group(List.of(a, b), GAP)).hasSize(2);
    }
}
