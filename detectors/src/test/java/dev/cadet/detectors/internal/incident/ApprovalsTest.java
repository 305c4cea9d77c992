package dev.cadet.detectors.internal.incident;

import dev.cadet.detectors.internal.SourceMatcher;
import dev.cadet.model.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalsTest {

    private final Approvals approvals = Approvals.of(
            List.of("arn:aws:sts::*:assumed-role/Patching/*", "svc-deploy@example.com"),
            List.of("10.0.0.0/8", "192.0.2.17", "2001:db8::/32", "::1", "Jenkins.Example.com"));

    private static Source ip(String ip) {
        return new Source(ip, null, null, null, null);
    }

    private static Source host(String host) {
        return new Source(null, host, null, null, null);
    }

    @Test
    void principalPatternsUseStarAsTheOnlyWildcard() {
        assertThat(approvals.principalApproved("arn:aws:sts::111122223333:assumed-role/Patching/i-0abc")).isTrue();
        assertThat(approvals.principalApproved("arn:aws:sts::111122223333:assumed-role/PatchingX/s")).isFalse();
        assertThat(approvals.principalApproved("svc-deploy@example.com")).isTrue();
        assertThat(approvals.principalApproved("svc-deploy@example.com.evil")).isFalse();
        assertThat(Approvals.glob("a*b*c", "aXXbYYc")).isTrue();
        assertThat(Approvals.glob("a*b*c", "aXXbYY")).isFalse();
        assertThat(Approvals.glob("*", "")).isTrue();
        assertThat(Approvals.glob("a.c", "abc")).isFalse();
    }

    @Test
    void addressesMatchExactlyOrByBlock() {
        assertThat(approvals.sourceApproved(ip("10.255.0.1"))).isTrue();
        assertThat(approvals.sourceApproved(ip("11.0.0.1"))).isFalse();
        assertThat(approvals.sourceApproved(ip("192.0.2.17"))).isTrue();
        assertThat(approvals.sourceApproved(ip("192.0.2.18"))).isFalse();
        assertThat(approvals.sourceApproved(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(approvals.sourceApproved(ip("2001:db9::1"))).isFalse();
        assertThat(approvals.sourceApproved(ip("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(approvals.sourceApproved(ip("::ffff:10.1.2.3"))).as("IPv4-mapped").isTrue();
        assertThat(approvals.sourceApproved(ip("not-an-ip"))).isFalse();
    }

    @Test
    void serviceHostsCountWhenListedOrWhenTheProviderItselfCalled() {
        assertThat(approvals.sourceApproved(host("jenkins.example.com"))).isTrue();
        assertThat(approvals.sourceApproved(host("ssm.amazonaws.com"))).isTrue();
        assertThat(approvals.sourceApproved(host("evil.example.net"))).isFalse();
        assertThat(approvals.sourceApproved(Source.UNKNOWN)).isFalse();
    }

    @Test
    void addressParsingIsStrict() {
        assertThat(SourceMatcher.parseAddress("10.1")).isNull();
        assertThat(SourceMatcher.parseAddress("10.0.0.256")).isNull();
        assertThat(SourceMatcher.parseAddress("1:2:3:4:5:6:7")).isNull();
        assertThat(SourceMatcher.parseAddress("1::2::3")).isNull();
        assertThat(SourceMatcher.parseAddress("12345::1")).isNull();
        assertThat(SourceMatcher.parseAddress("fe80::1%eth0")).hasSize(16);
        assertThat(SourceMatcher.parseAddress("::ffff:192.0.2.1")).containsExactly(192, 0, 2, 1);
        assertThat(SourceMatcher.parseAddress("1:2:3:4:5:6:1.2.3.4")).hasSize(16);
        assertThat(SourceMatcher.parseAddress("1:2:3:4:5:6:7::")).hasSize(16);
    }
}
