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

    /** {@link #count} written onto {@code sb}. */
    public static StringBuilder appendCount(StringBuilder sb, long n, String noun) {
        sb.append(n).append(' ').append(noun);
        return n == 1 ? sb : sb.append('s');
    }

    /** Sorted, distinct, comma separated, at most {@code max} items then {@code and N more}. */
    public static String list(Collection<String> items, int max) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(items));
        if (sorted.size() <= max) {
            return String.join(", ", sorted);
        }
        return String.join(", ", sorted.subList(0, max)) + " and " + (sorted.size() - max) + " more";
    }

    /** {@link #list} of a set already sorted by natural order, written onto {@code sb} without copying it. */
    public static StringBuilder appendList(StringBuilder sb, java.util.SortedSet<String> items, int max) {
        if (items.comparator() != null) {
            return sb.append(list(items, max));
        }
        int n = 0;
        for (String item : items) {
            if (n == max) {
                return sb.append(" and ").append(items.size() - max).append(" more");
            }
            if (n++ > 0) {
                sb.append(", ");
            }
            sb.append(item);
        }
        return sb;
    }

    /** {@code ssm:SendCommand x3, ssm:StartSession x1}, most frequent first, then by name. */
    public static String tally(ObjectIntHashMap<String> counts) {
        return appendTally(new StringBuilder(), counts).toString();
    }

    /** {@link #tally} written onto {@code sb}. */
    public static StringBuilder appendTally(StringBuilder sb, ObjectIntHashMap<String> counts) {
        if (counts.size() == 1) {
            // One name, nothing to sort: the common case of a finding's actions.
            counts.forEachKeyValue((n, c) -> sb.append(n).append(" x").append(c));
            return sb;
        }
        // Each name with its count, so that sorting compares fields rather than looking both up per comparison
        // (an account's hourly tally names hundreds of principals).
        List<Counted> tallied = new ArrayList<>(counts.size());
        counts.forEachKeyValue((n, c) -> tallied.add(new Counted(n, c)));
        tallied.sort((a, b) -> {
            int c = Integer.compare(b.count, a.count);
            return c != 0 ? c : a.name.compareTo(b.name);
        });
        boolean first = true;
        for (Counted t : tallied) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(t.name).append(" x").append(t.count);
        }
        return sb;
    }

    private record Counted(String name, int count) {
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
