package dev.cadet.detectors.internal;

import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Wording shared by finding summaries. */
public final class Text {

    private Text() {
    }

    /** {@code 1 command}, {@code 2 commands}. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Sorted, distinct, comma separated, at most {@code max} items then {@code and N more}. */
    public static String list(Collection<String> items, int max) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(items));
        if (sorted.size() <= max) {
            return String.join(", ", sorted);
        }
        return String.join(", ", sorted.subList(0, max)) + " and " + (sorted.size() - max) + " more";
    }

    /** {@code ssm:SendCommand x3, ssm:StartSession x1}, most frequent first, then by name. */
    public static String tally(ObjectIntHashMap<String> counts) {
        List<String> names = new ArrayList<>(counts.keySet());
        names.sort((a, b) -> {
            int c = Integer.compare(counts.get(b), counts.get(a));
            return c != 0 ? c : a.compareTo(b);
        });
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(n).append(" x").append(counts.get(n));
        }
        return sb.toString();
    }

    /** The most frequent key, ties broken by name. */
    public static String mostFrequent(ObjectIntHashMap<String> counts) {
        String best = null;
        int bestCount = -1;
        for (String n : counts.keySet()) {
            int c = counts.get(n);
            if (c > bestCount || (c == bestCount && n.compareTo(best) < 0)) {
                best = n;
                bestCount = c;
            }
        }
        return best;
    }
}
