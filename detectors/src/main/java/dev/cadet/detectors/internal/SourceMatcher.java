package dev.cadet.detectors.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Approved sources: IPv4 and IPv6 addresses, CIDR blocks and service host names. Addresses are parsed
 * here, strictly and without any name lookup, because {@code InetAddress.getByName} would resolve a
 * host name through DNS and accepts legacy forms such as {@code 10.1}.
 */
public final class SourceMatcher implements Serializable {

    private final List<byte[]> networks = new ArrayList<>();
    private final List<Integer> prefixes = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();

    private SourceMatcher() {
    }

    /** A matcher over validated entries; throws {@link IllegalArgumentException} on an invalid one. */
    public static SourceMatcher of(List<String> entries) {
        SourceMatcher m = new SourceMatcher();
        for (String entry : entries) {
            String problem = problem(entry);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            int slash = entry.indexOf('/');
            byte[] address = parseAddress(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                m.hosts.add(entry.toLowerCase(Locale.ROOT));
            } else {
                int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
                m.networks.add(address);
                m.prefixes.add(prefix);
            }
        }
        return m;
    }

    /** What is wrong with an entry, as the end of a sentence, or {@code null} when it is valid. */
    public static String problem(String entry) {
        if (entry.isEmpty()) {
            return "must not be blank";
        }
        int slash = entry.indexOf('/');
        if (slash >= 0) {
            byte[] address = parseAddress(entry.substring(0, slash));
            if (address == null) {
                return "is not a CIDR block (address/prefix): '" + entry + "'";
            }
            int bits = address.length * 8;
            String prefix = entry.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(prefix) > bits) {
                return "has a prefix length outside 0.." + bits + ": '" + entry + "'";
            }
            return null;
        }
        if (parseAddress(entry) != null || isHostName(entry)) {
            return null;
        }
        return "is not an IP address, CIDR block or host name: '" + entry + "'";
    }

    /** True when {@code ip} lies in an approved address or block. */
    /** True when nothing was configured. */
    public boolean isEmpty() {
        return networks.isEmpty() && hosts.isEmpty();
    }

    public boolean matchesIp(String ip) {
        byte[] address = ip == null ? null : parseAddress(ip);
        if (address == null) {
            return false;
        }
        for (int i = 0; i < networks.size(); i++) {
            if (inNetwork(address, networks.get(i), prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code host} is an approved service host (case-insensitive). */
    public boolean matchesHost(String host) {
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    static boolean inNetwork(byte[] address, byte[] network, int prefix) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    public static boolean isHostName(String s) {
        if (s.length() > 253 || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        // Digits and dots alone are a malformed address (10.0.0.300, 10.1), not a name.
        if (s.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The address bytes (4 for IPv4, 16 for IPv6; an IPv4-mapped IPv6 address becomes its 4 IPv4 bytes),
     * or {@code null} when {@code s} is not an address literal.
     */
    public static byte[] parseAddress(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            return parseIpv4(s);
        }
        byte[] v6 = parseIpv6(s);
        if (v6 != null && isIpv4Mapped(v6)) {
            byte[] v4 = new byte[4];
            System.arraycopy(v6, 12, v4, 0, 4);
            return v4;
        }
        return v6;
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF;
    }

    static byte[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    static byte[] parseIpv6(String s) {
        String text = s;
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = gap < 0 ? groups(text) : groups(text.substring(0, gap));
        List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int total = head.size() + tail.size();
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            out[2 * i] = (byte) (head.get(i) >> 8);
            out[2 * i + 1] = (byte) (int) head.get(i);
        }
        int offset = 8 - tail.size();
        for (int i = 0; i < tail.size(); i++) {
            out[2 * (offset + i)] = (byte) (tail.get(i) >> 8);
            out[2 * (offset + i) + 1] = (byte) (int) tail.get(i);
        }
        return out;
    }

    /** 16-bit groups of a colon-separated run; a trailing dotted quad counts as two groups. */
    private static List<Integer> groups(String run) {
        List<Integer> out = new ArrayList<>(8);
        if (run.isEmpty()) {
            return out;
        }
        String[] parts = run.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = parseIpv4(p);
                if (v4 == null) {
                    return null;
                }
                out.add(((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF));
                out.add(((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF));
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0) {
                    return null;
                }
                v = (v << 4) | d;
            }
            out.add(v);
        }
        return out;
    }
}
