package dev.cadet.parsers.internal;

/**
 * Tells an IP address literal from a host name without any lookup. Audit logs put both in the same
 * field (CloudTrail {@code sourceIPAddress} holds {@code 203.0.113.7} or {@code ssm.amazonaws.com}).
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    public static boolean isIp(String s) {
        return s != null && (isIpv4(s, 0, s.length()) || isIpv6(s));
    }

    /**
     * Dotted quad, each part 0-255 in one to three digits. Zero-padded parts ({@code 075.050.255.67}) are
     * accepted: anonymised exports write them, and no host name looks like that.
     */
    static boolean isIpv4(String s, int from, int to) {
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255) {
                return false;
            }
            parts++;
            if (parts < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == to;
    }

    /** RFC 4291 text forms: eight groups, one {@code ::}, an IPv4 tail, an optional zone after {@code %}. */
    static boolean isIpv6(String s) {
        int end = s.indexOf('%');
        if (end == 0) {
            return false;
        }
        if (end < 0) {
            end = s.length();
        } else if (end == s.length() - 1) {
            return false;
        }
        if (end < 2 || end > 45 || s.indexOf(':') < 0) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (s.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == end) {
                return true;
            }
        } else if (s.charAt(0) == ':') {
            return false;
        }
        while (i < end) {
            int start = i;
            while (i < end && Character.digit(s.charAt(i), 16) >= 0 && i - start < 5) {
                i++;
            }
            if (i < end && s.charAt(i) == '.') {
                // An embedded IPv4 address ends the text and counts as two groups.
                return isIpv4(s, start, end) && groups + 2 <= (compressed ? 6 : 8)
                        && (compressed || groups + 2 == 8);
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return false;
            }
            groups++;
            if (i == end) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < end && s.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == end) {
                    break;
                }
            } else if (i == end) {
                return false;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }
}
