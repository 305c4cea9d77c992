package dev.cadet.parsers.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "0.0.0.0", "255.255.255.255", "075.050.255.67", "::", "::1",
            "2001:db8::42", "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1%eth0", "::ffff:192.0.2.128",
            "64:ff9b::192.0.2.33", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:192.0.2.1"})
    void addresses(String s) {
        assertThat(IpLiterals.isIp(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ssm.amazonaws.com", "AWS Internal", "redacted", "256.1.1.1", "1.2.3", "1.2.3.4.5",
            "1..2.3", "1.2.3.4 ", ":::", "1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "fe80::1%",
            "g::1", ":1:2", "1:2:"})
    void notAddresses(String s) {
        assertThat(IpLiterals.isIp(s)).isFalse();
    }
}
