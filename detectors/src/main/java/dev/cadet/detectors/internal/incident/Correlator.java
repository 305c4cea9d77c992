package dev.cadet.detectors.internal.incident;

import dev.cadet.detectors.internal.Events;
import dev.cadet.model.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups findings into incidents: two findings belong together when they share a principal, an access
 * key or a source IP and lie within {@code gap} of each other (the gap between one's last and the
 * other's first evidence; overlapping findings are 0 apart). Grouping is transitive (union-find).
 *
 * <p>Findings are visited in their numbered order (by first seen). For every key the finding with the
 * latest {@code lastSeen} so far stands for all earlier findings with that key that can still link:
 * any of them within the gap of the current finding is within the gap of that one too, and already in
 * its group. So each finding needs one comparison per key, and the result depends only on the input.
 */
public final class Correlator {

    private Correlator() {
    }

    /** The groups, each in the order of the input, ordered by their first finding. */
    public static List<List<Finding>> group(List<Finding> findings, long gapMillis) {
        int n = findings.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        // Separate name spaces, so that a principal never links to an access key with the same text.
        Map<String, Integer> latestByKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Finding f = findings.get(i);
            for (String key : keys(f)) {
                Integer j = latestByKey.get(key);
                if (j == null) {
                    latestByKey.put(key, i);
                    continue;
                }
                Finding g = findings.get(j);
                if (f.firstSeen() - g.lastSeen() <= gapMillis) {
                    union(parent, i, j);
                }
                if (f.lastSeen() >= g.lastSeen()) {
                    latestByKey.put(key, i);
                }
            }
        }
        Map<Integer, List<Finding>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(findings.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    static List<String> keys(Finding f) {
        List<String> keys = new ArrayList<>(3);
        if (Events.isKnownPrincipal(f.principal())) {
            keys.add("principal\n" + f.principal());
        }
        if (f.accessKeyId() != null) {
            keys.add("key\n" + f.accessKeyId());
        }
        if (f.sourceIp() != null) {
            keys.add("ip\n" + f.sourceIp());
        }
        return keys;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            // The smaller index stays the root, so that a group is named by its first finding.
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
