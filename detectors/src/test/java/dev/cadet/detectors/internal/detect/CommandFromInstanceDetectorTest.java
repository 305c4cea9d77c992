package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.testkit.DetectorHarness;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Severity;
import org.junit.jupiter.api.Test;

import static dev.cadet.detectors.testkit.E.role;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class CommandFromInstanceDetectorTest {

    private final DetectorHarness h = new DetectorHarness(new CommandFromInstanceDetector());

    @Test
    void anInstanceRoleSendingCommandsToOtherMachinesIsLateralMovement() {
        String self = role("app-role", "i-0aaaaaaaaaaaaaaa1");
        h.push(E.command(self).type(PrincipalType.INSTANCE).at("10:00").targets("i-0bbbbbbbbbbbbbbb2", "i-0ccccccccccccccc3"),
                E.command(user("ops")).at("10:01").targets("i-0bbbbbbbbbbbbbbb2")).end();
        assertThat(h.only().severity()).isEqualTo(Severity.HIGH);
        assertThat(h.only().summary()).contains("i-0bbbbbbbbbbbbbbb2 (not the caller i-0aaaaaaaaaaaaaaa1)");
    }

    @Test
    void anInstanceTargetingItselfIsMedium() {
        String self = role("app-role", "i-0aaaaaaaaaaaaaaa1");
        h.push(E.session(self).at("10:00").targets("i-0aaaaaaaaaaaaaaa1")).end();
        assertThat(h.only().severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void theGcpComputeDefaultServiceAccountIsAMachineIdentity() {
        h.push(E.command("123456789-compute@developer.gserviceaccount.com").at("10:00")
                .targets("projects/p/zones/z/instances/db-1")).end();
        assertThat(h.only().severity()).isEqualTo(Severity.HIGH);
    }
}
