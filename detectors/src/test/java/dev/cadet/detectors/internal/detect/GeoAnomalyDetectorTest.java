package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.Finding;
import dev.cadet.model.Severity;
import org.junit.jupiter.api.Test;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class GeoAnomalyDetectorTest {

    private final DetectorHarness h = new DetectorHarness(new GeoAnomalyDetector(1000));

    @Test
    void germanyThenSingaporeWithinTwoHoursIsImpossible() {
        h.push(E.login(user("kim")).country("DE").at("10:00"), E.command(user("kim")).country("SG").at("12:00")).end();
        Finding f = h.only();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.evidence()).hasSize(2);
        assertThat(f.summary()).contains("DE at 2024-05-01T10:00:00Z then SG at 2024-05-01T12:00:00Z");
    }

    @Test
    void neighboursAndSlowTravelAreNot() {
        h.push(E.login(user("kim")).country("DE").at("10:00"), E.command(user("kim")).country("FR").at("10:01"),
                E.command(user("kim")).country("SG").at(t("10:01") + 20 * HOUR)).end();
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void theSpeedLimitIsAStrictBound() {
        double km = Countries.minDistanceKm("DE", "SG");
        long exactly = (long) Math.ceil(km / 1000 * HOUR);
        h.push(E.login(user("kim")).country("DE").at("00:00"), E.command(user("kim")).country("SG").at(t("00:00") + exactly))
                .end();
        assertThat(h.findings()).isEmpty();
        DetectorHarness faster = new DetectorHarness(new GeoAnomalyDetector(1000));
        faster.push(E.login(user("kim")).country("DE").at("00:00"),
                E.command(user("kim")).country("SG").at(t("00:00") + exactly - 60_000)).end();
        assertThat(faster.findings()).hasSize(1);
    }

    @Test
    void withoutACountryTheCheckCannotRunAndCountsIt() {
        h.push(E.login(user("kim")).at("10:00"), E.command(user("kim")).at("10:05")).end();
        assertThat(h.findings()).isEmpty();
        assertThat(h.counter("unlocated")).isEqualTo(2);
        assertThat(h.counter("located")).isZero();
    }

    @Test
    void theCountersSayWhichSuccessfulEventsCouldBePlacedWhoeverActed() {
        h.push(E.other("unknown").at("00:00"), E.other(user("kim")).at("00:01"),
                E.loginFailed(user("kim")).at("00:02"), E.other(user("kim")).noSource().at("00:02"), E.other("unknown").country("DE").at("00:03"),
                E.other(user("kim")).country("DE").at("00:04")).end();
        assertThat(h.counter("unlocated")).isEqualTo(2);
        assertThat(h.counter("located")).isEqualTo(2);
        assertThat(h.findings()).isEmpty();
    }

    @Test
    void stateIsEvictedOnceNoTravelCanBeImpossible() {
        h.push(E.login(user("kim")).country("DE").at("00:00"));
        assertThat(h.counter("keysLive")).isEqualTo(1);
        // Half the Earth at 1000 km/h takes 20h 2m 17s: until then a far country could still be impossible.
        h.watermark(t("20:00"));
        assertThat(h.counter("keysLive")).isEqualTo(1);
        h.watermark(t("20:03"));
        assertThat(h.counter("keysLive")).isZero();
    }

    @Test
    void usRadiusCoversHawaiiSoUsToJapanNeedsRealSpeed() {
        assertThat(Countries.minDistanceKm("US", "JP")).isLessThan(6200);
        assertThat(Countries.minDistanceKm("DE", "DE")).isZero();
        assertThat(Countries.minDistanceKm("DE", "XX")).isEqualTo(-1);
    }
}
