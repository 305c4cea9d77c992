package dev.cadet.detectors;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectionConfigTest {

    @Test
    void defaultsComeFromThePlaybookBrief() {
        DetectionConfig d = DetectionConfig.defaults();
        assertThat(d.allowedLateness()).isEqualTo(Duration.ofHours(1));
        assertThat(d.failedThenSuccessThreshold()).isEqualTo(3);
        assertThat(d.failedThenSuccessWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(d.iamThenCommandWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(d.fanOutThreshold()).isEqualTo(5);
        assertThat(d.incidentGap()).isEqualTo(Duration.ofHours(24));
        assertThat(d.approvedPrincipals()).isEmpty();
        assertThat(d.approvedSources()).isEmpty();
        assertThat(DetectionConfig.builder().build()).isEqualTo(d).hasSameHashCodeAs(d);
    }

    @Test
    void toBuilderKeepsEveryValue() {
        DetectionConfig c = DetectionConfig.builder().allowedLateness(Duration.ZERO).failedThenSuccessThreshold(5)
                .failedThenSuccessWindow(Duration.ofMinutes(10)).iamThenCommandWindow(Duration.ofHours(2))
                .fanOutThreshold(2).incidentGap(Duration.ofHours(6)).approvedPrincipals(List.of(" ci-* "))
                .approvedSources(List.of("10.0.0.0/8")).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.approvedPrincipals()).containsExactly("ci-*");
        assertThat(c.toString()).contains("fanOutThreshold=2");
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertThatThrownBy(() -> DetectionConfig.builder().allowedLateness(Duration.ofMinutes(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("allowedLateness must be >= 0, was -PT5M");
        assertThatThrownBy(() -> DetectionConfig.builder().failedThenSuccessWindow(Duration.ZERO))
                .hasMessage("failedThenSuccessWindow must be > 0, was PT0S");
        assertThatThrownBy(() -> DetectionConfig.builder().iamThenCommandWindow(null))
                .hasMessage("iamThenCommandWindow must not be null");
        assertThatThrownBy(() -> DetectionConfig.builder().failedThenSuccessThreshold(0))
                .hasMessage("failedThenSuccessThreshold must be >= 1, was 0");
        assertThatThrownBy(() -> DetectionConfig.builder().fanOutThreshold(-1))
                .hasMessage("fanOutThreshold must be >= 1, was -1");
        assertThatThrownBy(() -> DetectionConfig.builder().incidentGap(Duration.ofSeconds(Long.MAX_VALUE)))
                .hasMessageStartingWith("incidentGap is too large");
        assertThatThrownBy(() -> DetectionConfig.builder().approvedPrincipals(Arrays.asList("a", null)))
                .hasMessage("approvedPrincipals[1] must not be null");
        assertThatThrownBy(() -> DetectionConfig.builder().approvedPrincipals(List.of("  ")))
                .hasMessage("approvedPrincipals[0] must not be blank");
        assertThatThrownBy(() -> DetectionConfig.builder().approvedSources(List.of("10.0.0.1", "10.0.0.0/33")))
                .hasMessage("approvedSources[1] has a prefix length outside 0..32: '10.0.0.0/33'");
        assertThatThrownBy(() -> DetectionConfig.builder().approvedSources(List.of("2001:db8::/129")))
                .hasMessage("approvedSources[0] has a prefix length outside 0..128: '2001:db8::/129'");
        assertThatThrownBy(() -> DetectionConfig.builder().approvedSources(List.of("10.0.0.300")))
                .hasMessage("approvedSources[0] is not an IP address, CIDR block or host name: '10.0.0.300'");
        assertThatThrownBy(() -> DetectionConfig.builder().approvedSources(List.of("host/24")))
                .hasMessage("approvedSources[0] is not a CIDR block (address/prefix): 'host/24'");
        assertThatThrownBy(() -> DetectionConfig.builder().approvedSources(null))
                .hasMessage("approvedSources must not be null");
    }

    @Test
    void acceptsAddressesBlocksAndHosts() {
        DetectionConfig c = DetectionConfig.builder()
                .approvedSources(List.of("192.0.2.1", "10.0.0.0/8", "::1", "2001:db8::/32", "ssm.amazonaws.com"))
                .build();
        assertThat(c.approvedSources()).hasSize(5);
    }

    @Test
    void thePlaybookDetectorsHaveDefaultsAndSayWhatIsWrong() {
        DetectionConfig d = DetectionConfig.defaults();
        assertThat(d.learningPeriod()).isEqualTo(Duration.ofHours(24));
        assertThat(d.spikeFloor()).isEqualTo(20);
        assertThat(d.spikeRatio()).isEqualTo(3.0);
        assertThat(d.deniedBurstThreshold()).isEqualTo(5);
        assertThat(d.travelSpeedKmh()).isEqualTo(1000);
        assertThat(d.baseline()).isNull();
        assertThatThrownBy(() -> DetectionConfig.builder().spikeRatio(1.0))
                .hasMessage("spikeRatio must be a number > 1, was 1.0");
        assertThatThrownBy(() -> DetectionConfig.builder().deniedBurstThreshold(1))
                .hasMessage("deniedBurstThreshold must be >= 2, was 1");
        assertThatThrownBy(() -> DetectionConfig.builder().iocAddresses(List.of("evil.example")))
                .hasMessage("iocAddresses[0] is not an IP address or CIDR block: 'evil.example'");
        assertThatThrownBy(() -> DetectionConfig.builder().iocDomains(List.of("10.0.0.1")))
                .hasMessage("iocDomains[0] is not a domain name: '10.0.0.1'");
        assertThatThrownBy(() -> DetectionConfig.builder().approvedDocuments(List.of(" ")))
                .hasMessage("approvedDocuments[0] must not be blank");
        assertThatThrownBy(() -> DetectionConfig.builder().commandPatterns("p.txt", "x LOUD T1059 https://e x"))
                .hasMessageStartingWith("p.txt line 1: severity must be one of");
    }

    @Test
    void toBuilderKeepsThePlaybookDetectorSettings() {
        DetectionConfig c = DetectionConfig.builder().spikeFloor(7).spikeRatio(2.5).learningPeriod(Duration.ZERO)
                .iocDomains(List.of("evil.example")).iocAddresses(List.of("203.0.113.0/24"))
                .approvedDocuments(List.of("AWS-*")).commandPatterns("p.txt", "x HIGH T1059 https://e evil")
                .build();
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.toString()).contains("commandPatterns=built-in + p.txt").contains("iocDomains=1");
    }
}
