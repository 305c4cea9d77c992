package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.Finding;
import dev.cadet.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class UnknownSourceDetectorTest {

    private final History history = History.learning(HOUR);
    private final DetectorHarness h = new DetectorHarness(new UnknownSourceDetector(history, List.of("10.0.0.0/8")));

    @Test
    void anAddressInAFamiliarNetworkIsNotNew() {
        h.push(E.other(user("ann")).ip("198.51.100.7").country("DE").at("08:00"),
                E.command(user("ann")).ip("198.51.100.200").country("DE").at("10:00"),
                E.command(user("ann")).ip("10.9.9.9").at("10:01"),
                E.command(user("ann")).host("ssm.amazonaws.com").at("10:02")).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void aNewNetworkIsMediumAndANewCountryHigh() {
        h.push(E.other(user("ann")).ip("198.51.100.7").country("DE").at("08:00"),
                E.command(user("ann")).ip("198.51.101.7").country("DE").at("10:00"),
                E.attachPolicy(user("ann"), user("ann"), "arn:aws:iam::aws:policy/AdministratorAccess")
                        .ip("203.0.113.5").country("RU").at("11:10")).end();
        assertThat(h.findings()).hasSize(2);
        Finding first = h.findings().get(0);
        assertThat(first.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(first.summary()).contains("198.51.101.7 (network 198.51.101.0/24) in DE");
        Finding second = h.findings().get(1);
        assertThat(second.severity()).isEqualTo(Severity.HIGH);
        assertThat(second.summary()).contains("in RU, a new country for it");
    }

    @Test
    void aNetworkIsReportedInTheHourItFirstShowsOnly() {
        h.push(E.other(user("ann")).ip("198.51.100.7").at("08:00"),
                E.command(user("ann")).ip("203.0.113.5").at("10:00"),
                E.command(user("ann")).ip("203.0.113.6").at("10:30"),
                E.command(user("ann")).ip("203.0.113.7").at("11:30")).end();
        assertThat(h.only().evidence()).hasSize(2);
    }

    @Test
    void readsAreNotJudged() {
        h.push(E.other(user("ann")).ip("198.51.100.7").at("08:00"), E.other(user("ann")).ip("203.0.113.5").at("10:00"))
                .end();
        assertThat(h.findings()).isEmpty();
    }
}
