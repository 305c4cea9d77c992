package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.HourBuckets;
import dev.cadet.detectors.internal.Interner;
import dev.cadet.detectors.internal.Text;
import dev.cadet.detectors.internal.Times;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Severity;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Every command execution and interactive session, one finding per principal and hour
 * {@code [h, h + 1h)}, with the targets it reached. The playbook's key indicator: "Sudden or unusual
 * commands executed within virtual machines".
 *
 * <p>State: one bucket per (interned principal, hour) in {@link HourBuckets}; a bucket is emitted and
 * dropped when the watermark reaches its end. Failed executions are left to {@code failed-then-success}.
 */
public final class CommandExecutionDetector extends AbstractDetector implements Serializable {

    public static final String ID = "command-execution";
    /** Evidence events kept per finding; the summary gives the true count. */
    public static final int EVIDENCE_CAP = 50;

    private final int fanOutThreshold;
    private final Interner principals = new Interner();
    private final HourBuckets<Bucket> buckets = new HourBuckets<>(Times.HOUR);
    private long merged;

    public CommandExecutionDetector(int fanOutThreshold) {
        super(ID, ON_MACHINE);
        if (fanOutThreshold < 1) {
            throw new IllegalArgumentException("fanOutThreshold must be >= 1, was " + fanOutThreshold);
        }
        this.fanOutThreshold = fanOutThreshold;
    }

    /** Whether the event can change this detector's state: a command or session that did not fail. */
    public static boolean concerns(CloudEvent e) {
        return e.kind().runsOnMachine() && e.outcome() != Outcome.FAILURE;
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        if (!concerns(e)) {
            return;
        }
        matched++;
        long start = buckets.startOf(e.time());
        int id = principals.idOf(e.principal());
        Bucket b = id < 0 ? null : buckets.get(start, id);
        if (b == null) {
            id = principals.acquire(e.principal());
            b = new Bucket();
            buckets.put(start, id, b);
        }
        if (!b.add(e)) {
            merged++;
        }
    }

    @Override
    protected void advance(long watermarkMillis, Consumer<Finding> out) {
        if (buckets.hasComplete(watermarkMillis)) {
            evictions += buckets.emitComplete(watermarkMillis, (start, key, b) -> close(start, key, b, out));
        }
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        buckets.emitAll((start, key, b) -> close(start, key, b, out));
    }

    @Override
    protected int keysLive() {
        return principals.size();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        c.put("bucketsOpen", (long) buckets.open());
        c.put("merged", merged);
    }

    private void close(long start, int key, Bucket b, Consumer<Finding> out) {
        String principal = principals.name(key);
        principals.release(key);
        emit(b.toFinding(principal, fanOutThreshold), out);
    }

    /** A selector such as {@code *} or a tag query can reach any number of machines. */
    static boolean isSelector(String target) {
        return "*".equals(target) || target.toLowerCase(Locale.ROOT).startsWith("tag:");
    }

    /** One principal's commands in one hour. */
    private static final class Bucket implements Serializable {
        int count;
        int sessions;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        /** The first event from each source address, so that the evidence names every address (up to the cap). */
        // Small first sizes: most buckets hold one or two commands, and many are open at once.
        final Map<String, CloudEvent> firstByAddress = new LinkedHashMap<>(4);
        /** The earliest other events, to fill the evidence up to the cap. */
        final List<CloudEvent> rest = new ArrayList<>(2);
        /** The latest event, always shown so that the evidence spans the whole bucket. */
        CloudEvent latest;
        final Set<String> targets = new HashSet<>(8);
        final ObjectIntHashMap<String> actions = new ObjectIntHashMap<>(2);
        final TreeSet<String> documents = new TreeSet<>();
        /** Records of one operation (Azure Started/Accepted/Succeeded share a correlation id) count once. */
        Set<String> operations;
        boolean selector;

        /** Adds the event; false when it repeats an operation already counted. */
        boolean add(CloudEvent e) {
            if (e.correlationId() != null) {
                if (operations == null) {
                    operations = new HashSet<>();
                }
                if (!operations.add(e.correlationId() + '\n' + e.action() + '\n' + e.targets())) {
                    return false;
                }
            }
            count++;
            if (e.kind() == EventKind.INTERACTIVE_SESSION) {
                sessions++;
            }
            first = Math.min(first, e.time());
            last = Math.max(last, e.time());
            latest = e;
            String address = e.source().address() == null ? "" : e.source().address();
            if (!firstByAddress.containsKey(address) && firstByAddress.size() < EVIDENCE_CAP - 1) {
                firstByAddress.put(address, e);
            } else if (rest.size() < EVIDENCE_CAP) {
                rest.add(e);
            }
            for (String t : e.targets()) {
                targets.add(t);
                selector |= isSelector(t);
            }
            actions.addToValue(e.action(), 1);
            if (e.command() != null && e.command().document() != null) {
                documents.add(e.command().document());
            }
            return true;
        }

        Finding toFinding(String principal, int fanOutThreshold) {
            // Every source address first (the policy judges sources from the evidence), then the earliest
            // others, keeping one slot for the latest event. Built as an array and sorted in place: one
            // finding per command is common, and the finding keeps the list it is given.
            CloudEvent[] chosen = new CloudEvent[Math.min(EVIDENCE_CAP, firstByAddress.size() + rest.size() + 1)];
            int n = 0;
            boolean hasLatest = false;
            for (CloudEvent e : firstByAddress.values()) {
                if (n < EVIDENCE_CAP - 1) {
                    chosen[n++] = e;
                    hasLatest |= e.equals(latest);
                }
            }
            for (CloudEvent e : rest) {
                if (n >= EVIDENCE_CAP - 1) {
                    break;
                }
                chosen[n++] = e;
                hasLatest |= e.equals(latest);
            }
            if (!hasLatest) {
                chosen[n++] = latest;
            }
            if (n < chosen.length) {
                chosen = java.util.Arrays.copyOf(chosen, n);
            }
            java.util.Arrays.sort(chosen, Events.ORDER);
            List<CloudEvent> evidence = List.of(chosen);
            CloudEvent head = chosen[0];
            String accessKey = null;
            String ip = null;
            for (CloudEvent e : chosen) {
                if (accessKey == null) {
                    accessKey = e.actor().accessKeyId();
                }
                if (ip == null) {
                    ip = e.source().ip();
                }
            }
            int fanOut = targets.size();
            boolean wide = fanOut >= fanOutThreshold || selector;
            StringBuilder s = new StringBuilder(160 + principal.length()).append(principal).append(" ran ");
            Text.appendCount(s, count - sessions, "command");
            if (sessions > 0) {
                Text.appendCount(s.append(" and "), sessions, "interactive session");
            }
            Text.appendCount(s.append(" on "), fanOut, "target").append(" between ");
            Times.appendIso(s, first).append(" and ");
            Times.appendIso(s, last).append(" (");
            Text.appendTally(s, actions).append(')');
            if (!documents.isEmpty()) {
                Text.appendList(s.append("; documents: "), documents, 5);
            }
            if (fanOut >= fanOutThreshold) {
                s.append("; fan-out ").append(fanOut).append(" reaches the threshold of ").append(fanOutThreshold);
            }
            if (selector) {
                s.append("; a target selector can reach many machines");
            }
            if (n < count) {
                s.append("; evidence lists ").append(n).append(" of ").append(count).append(" events");
            }
            String[] sortedTargets = targets.toArray(new String[0]);
            java.util.Arrays.sort(sortedTargets);
            return new Finding(null, ID, wide ? Severity.MEDIUM : Severity.LOW, first, last, head.provider(),
                    principal, accessKey, ip, Text.mostFrequent(actions), List.of(sortedTargets),
                    s.toString(), evidence);
        }
    }
}
