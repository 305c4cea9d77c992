package dev.cadet.detectors.internal;

/**
 * The network an address belongs to, as one {@code long}, so that "has this principal come from here
 * before" is a primitive set lookup: IPv4 addresses count by their /24, IPv6 addresses by their /48
 * (a provider's or office's allocation, so that an address change inside it is not "new").
 */
public final class Networks {

    /** Marks an IPv6 key; IPv4 keys are below 2^32. */
    private static final long V6 = 1L << 62;

    private Networks() {
    }

    /** The network key of {@code ip}, or -1 when it is not an address literal. Allocation-free for IPv4. */
    public static long key(String ip) {
        if (ip == null || ip.isEmpty()) {
            return -1;
        }
        long v4 = v4(ip);
        if (v4 >= 0) {
            return v4 & 0xFFFF_FF00L;
        }
        if (ip.indexOf(':') < 0) {
            return -1;
        }
        byte[] a = SourceMatcher.parseAddress(ip);
        if (a == null) {
            return -1;
        }
        if (a.length == 4) {
            return ((long) (a[0] & 0xFF) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8) & 0xFFFF_FF00L;
        }
        long prefix = 0;
        for (int i = 0; i < 6; i++) {
            prefix = prefix << 8 | (a[i] & 0xFF);
        }
        return V6 | prefix;
    }

    /** The key as a network in CIDR notation, for baseline files and summaries: {@code 198.51.100.0/24}. */
    public static String cidr(long key) {
        if ((key & V6) == 0) {
            return (key >>> 24 & 0xFF) + "." + (key >>> 16 & 0xFF) + "." + (key >>> 8 & 0xFF) + ".0/24";
        }
        return String.format("%x:%x:%x::/48", key >>> 32 & 0xFFFF, key >>> 16 & 0xFFFF, key & 0xFFFF);
    }

    /** The key of a network written by {@link #cidr}, or -1 when it is not one. */
    public static long parseCidr(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return -1;
        }
        String prefix = cidr.substring(slash + 1);
        String address = cidr.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        if (!prefix.equals(v6 ? "48" : "24")) {
            return -1;
        }
        return key(address);
    }

    /** Dotted-quad IPv4 as an unsigned int, or -1; parsed by hand so that the hot path allocates nothing. */
    static long v4(String s) {
        long value = 0;
        int part = 0;
        int digits = 0;
        int parts = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (++digits > 3 || part > 255) {
                    return -1;
                }
            } else if (c == '.' && digits > 0 && parts < 3) {
                value = value << 8 | part;
                parts++;
                part = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        if (parts != 3 || digits == 0) {
            return -1;
        }
        return value << 8 | part;
    }
}
