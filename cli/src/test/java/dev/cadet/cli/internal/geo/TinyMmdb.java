package dev.cadet.cli.internal.geo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small IPv4 MaxMind DB (format 2.0, 24-bit records) by hand, after the published format
 * specification, so that the GeoIP lookup is tested against a real file without shipping one.
 * Values are strings, unsigned ints, lists and maps only.
 */
final class TinyMmdb {

    private final List<int[]> nodes = new ArrayList<>();
    private final Map<String, Map<String, Object>> networks = new LinkedHashMap<>();
    private static final int EMPTY = -1;

    TinyMmdb() {
        nodes.add(new int[] {EMPTY, EMPTY});
    }

    /** {@code cidr} such as {@code 198.51.100.0/24} maps to {@code record}. */
    TinyMmdb put(String cidr, Map<String, Object> record) {
        networks.put(cidr, record);
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> n : networks.entrySet()) {
            offsets.put(n.getKey(), data.size());
            encode(n.getValue(), data);
        }
        // Build the tree: one node per bit of each network's prefix.
        List<Object[]> leaves = new ArrayList<>();
        for (String cidr : networks.keySet()) {
            String[] parts = cidr.split("/");
            long address = 0;
            for (String octet : parts[0].split("\\.")) {
                address = address << 8 | Integer.parseInt(octet);
            }
            int prefix = Integer.parseInt(parts[1]);
            int node = 0;
            for (int bit = 0; bit < prefix; bit++) {
                int side = (int) (address >>> (31 - bit)) & 1;
                if (bit == prefix - 1) {
                    leaves.add(new Object[] {node, side, cidr});
                } else {
                    if (nodes.get(node)[side] == EMPTY) {
                        nodes.add(new int[] {EMPTY, EMPTY});
                        nodes.get(node)[side] = nodes.size() - 1;
                    }
                    node = nodes.get(node)[side];
                }
            }
        }
        int count = nodes.size();
        for (Object[] leaf : leaves) {
            nodes.get((Integer) leaf[0])[(Integer) leaf[1]] = count + 16 + offsets.get((String) leaf[2]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] node : nodes) {
            for (int record : node) {
                int v = record == EMPTY ? count : record;
                out.write(v >>> 16);
                out.write(v >>> 8);
                out.write(v);
            }
        }
        out.write(new byte[16], 0, 16);
        byte[] d = data.toByteArray();
        out.write(d, 0, d.length);
        byte[] marker = "\u00ab\u00cd\u00efMaxMind.com".getBytes(StandardCharsets.ISO_8859_1);
        out.write(marker, 0, marker.length);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", (long) count);
        metadata.put("record_size", 24L);
        metadata.put("ip_version", 4L);
        metadata.put("database_type", "Cadet-Test-City");
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", 2L);
        metadata.put("binary_format_minor_version", 0L);
        metadata.put("build_epoch", 1_700_000_000L);
        metadata.put("description", Map.of("en", "cadet test database"));
        encode(metadata, out);
        return out.toByteArray();
    }

    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            control(2, b.length, out);
            out.write(b, 0, b.length);
        } else if (value instanceof Long n) {
            byte[] b = unsigned(n);
            if (n > 0xFFFFFFFFL) {
                out.write(b.length); // extended type uint64: size in the control byte, type - 7 = 2 after it
                out.write(9 - 7);
            } else {
                control(6, b.length, out);
            }
            out.write(b, 0, b.length);
        } else if (value instanceof List<?> list) {
            out.write(list.size()); // extended type array: type - 7 = 4
            out.write(11 - 7);
            list.forEach(v -> encode(v, out));
        } else if (value instanceof Map<?, ?> map) {
            control(7, map.size(), out);
            map.forEach((k, v) -> {
                encode(k, out);
                encode(v, out);
            });
        } else {
            throw new IllegalArgumentException("unsupported " + value);
        }
    }

    private static void control(int type, int size, ByteArrayOutputStream out) {
        if (size >= 29) {
            throw new IllegalArgumentException("sizes >= 29 not needed here: " + size);
        }
        out.write(type << 5 | size);
    }

    private static byte[] unsigned(long n) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        boolean started = false;
        for (int shift = 56; shift >= 0; shift -= 8) {
            int v = (int) (n >>> shift) & 0xFF;
            if (v != 0 || started) {
                b.write(v);
                started = true;
            }
        }
        return b.toByteArray();
    }
}
