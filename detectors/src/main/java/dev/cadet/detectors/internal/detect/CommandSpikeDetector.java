package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.HourBuckets;
import dev.cadet.detectors.internal.Interner;
import dev.cadet.detectors.internal.OncePerOperation;
import dev.cadet.detectors.internal.Text;
import dev.cadet.detectors.internal.Times;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Severity;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * "A spike in the usage of cloud management services like AWS Systems Manager or Azure RunCommand":
 * per principal and per account, the commands of each hour {@code [h, h+1h)} against the busiest hour
 * of the history. A spike needs at least {@code floor} commands and at least {@code ratio} times the
 * historic peak (a principal or account without history has peak 0, so the floor decides). Fan-out
 * spikes the same way: distinct targets of a principal in the hour, at least the fan-out threshold and
 * {@code ratio} times its historic peak; with no peak, at least the larger of the two floors. Multi-record operations (one correlation id) count once. Hours the
 * history is still learning from are not judged.
 */
public final class CommandSpikeDetector extends AbstractDetector implements Serializable {

    public static final String ID = "command-spike";
    private static final int EVIDENCE_CAP = 50;

    private final History history;
    private final int floor;
    private final double ratio;
    private final int fanOutFloor;
    private final boolean perPrincipal;
    private final boolean perAccount;
    private final OncePerOperation once = new OncePerOperation();
    private final Interner principals = new Interner();
    private final Interner accounts = new Interner();
    private final HourBuckets<Count> byPrincipal = new HourBuckets<>(Times.HOUR);
    private final HourBuckets<Count> byAccount = new HourBuckets<>(Times.HOUR);

    /** Judges principals and accounts. */
    public CommandSpikeDetector(History history, int floor, double ratio, int fanOutFloor) {
        this(history, floor, ratio, fanOutFloor, true, true);
    }

    /** Judges principals, accounts or both: a partitioned host runs one kind per partition. */
    public CommandSpikeDetector(History history, int floor, double ratio, int fanOutFloor, boolean perPrincipal,
                                boolean perAccount) {
        super(ID, observing(history, ON_MACHINE));
        this.perPrincipal = perPrincipal;
        this.perAccount = perAccount;
        if (floor < 1) {
            throw new IllegalArgumentException("spikeFloor must be >= 1, was " + floor);
        }
        if (!(ratio > 1)) {
            throw new IllegalArgumentException("spikeRatio must be > 1, was " + ratio);
        }
        this.history = history;
        this.floor = floor;
        this.ratio = ratio;
        this.fanOutFloor = fanOutFloor;
    }

    /** Whether the event can change this detector's state: a command of a known principal that did not fail. */
    public static boolean concerns(CloudEvent e) {
        return RareCommandDetector.concerns(e);
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        history.observe(e);
        if (!concerns(e) || !once.first(e)) {
            return;
        }
        matched++;
        if (perPrincipal) {
            count(byPrincipal, principals, e.principal(), e, false);
        }
        if (perAccount && e.cloud().account() != null) {
            count(byAccount, accounts, e.cloud().account(), e, true);
        }
    }

    private static void count(HourBuckets<Count> buckets, Interner names, String name, CloudEvent e, boolean byWho) {
        long start = buckets.startOf(e.time());
        int id = names.idOf(name);
        Count c = id < 0 ? null : buckets.get(start, id);
        if (c == null) {
            id = names.acquire(name);
            c = new Count(byWho);
            buckets.put(start, id, c);
        }
        c.add(e);
    }

    @Override
    protected void advance(long watermarkMillis, Consumer<Finding> out) {
        once.forgetBefore(Times.minus(watermarkMillis, OncePerOperation.HORIZON));
        if (byPrincipal.hasComplete(watermarkMillis)) {
            evictions += byPrincipal.emitComplete(watermarkMillis, (start, key, c) -> closePrincipal(start, key, c, out));
        }
        if (byAccount.hasComplete(watermarkMillis)) {
            evictions += byAccount.emitComplete(watermarkMillis, (start, key, c) -> closeAccount(start, key, c, out));
        }
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        byPrincipal.emitAll((start, key, c) -> closePrincipal(start, key, c, out));
        byAccount.emitAll((start, key, c) -> closeAccount(start, key, c, out));
        once.clear();
    }

    private boolean judged(long hourStart) {
        return history.mode() == History.Mode.NONE || history.judging(hourStart);
    }

    /** The least count that is a spike against a historic peak. */
    private long bar(int peak, int minimum) {
        return Math.max(minimum, (long) Math.ceil(ratio * Math.max(1, peak)));
    }

    private void closePrincipal(long start, int key, Count c, Consumer<Finding> out) {
        String principal = principals.name(key);
        principals.release(key);
        if (!judged(start)) {
            return;
        }
        int peak = history.peakCommands(principal);
        int peakTargets = history.peakTargets(principal);
        List<String> why = new ArrayList<>(2);
        if (c.count >= bar(peak, floor)) {
            why.add(Text.count(c.count, "command") + " in the hour from " + Times.iso(start) + " against a"
                    + " historic peak of " + peak + " an hour");
        }
        int fanOut = c.machines();
        // Without a history of commands, reaching the fan-out threshold is merely a first time (command-execution
        // already marks it): then the spike floor decides, as for counts.
        long fanOutBar = peakTargets == 0 ? Math.max(floor, fanOutFloor) : bar(peakTargets, fanOutFloor);
        if (fanOut >= fanOutBar) {
            why.add("fan-out to " + Text.count(fanOut, "target") + " against a historic peak of " + peakTargets);
        }
        if (!why.isEmpty()) {
            emit(c.finding(principal, principal + ": " + String.join("; ", why) + spikeNote(), Severity.MEDIUM), out);
        }
    }

    private void closeAccount(long start, int key, Count c, Consumer<Finding> out) {
        String account = accounts.name(key);
        accounts.release(key);
        if (!judged(start)) {
            return;
        }
        int peak = history.accountPeak(account);
        if (c.count >= bar(peak, floor)) {
            String top = Text.mostFrequent(c.principals);
            emit(c.finding(top, "account " + account + ": " + Text.count(c.count, "command") + " in the hour from "
                    + Times.iso(start) + " against a historic peak of " + peak + " an hour (by "
                    + Text.tally(c.principals) + ")" + spikeNote(), Severity.MEDIUM), out);
        }
    }

    private String spikeNote() {
        return String.format(Locale.ROOT, " (a spike is at least %d and at least %.1f times the peak)", floor, ratio);
    }

    @Override
    public boolean isIdle() {
        return super.isIdle() && once.isEmpty();
    }

    @Override
    protected int keysLive() {
        return principals.size() + accounts.size();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        c.put("bucketsOpen", (long) (byPrincipal.open() + byAccount.open()));
    }

    /** One key's commands in one hour. */
    private static final class Count implements Serializable {
        int count;
        /** The distinct targets: most hours of a principal's reach one machine, so a set is made only for a second. */
        String firstTarget;
        Set<String> moreTargets;
        /** Commands by principal, for an account's count; {@code null} for a principal's own. */
        final ObjectIntHashMap<String> principals;
        final List<CloudEvent> evidence = new ArrayList<>();
        CloudEvent latest;

        Count(boolean byWho) {
            principals = byWho ? new ObjectIntHashMap<>() : null;
        }

        void add(CloudEvent e) {
            count++;
            for (String t : e.targets()) {
                if (firstTarget == null) {
                    firstTarget = t;
                } else if (!firstTarget.equals(t)) {
                    if (moreTargets == null) {
                        moreTargets = new HashSet<>();
                    }
                    moreTargets.add(t);
                }
            }
            if (principals != null) {
                principals.addToValue(e.principal(), 1);
            }
            if (evidence.size() < EVIDENCE_CAP - 1) {
                evidence.add(e);
            } else {
                latest = e;
            }
        }

        /** Distinct machines reached; selectors ({@code *}, tags) say nothing about how many. */
        int machines() {
            int n = firstTarget == null || CommandExecutionDetector.isSelector(firstTarget) ? 0 : 1;
            if (moreTargets != null) {
                for (String t : moreTargets) {
                    if (!CommandExecutionDetector.isSelector(t)) {
                        n++;
                    }
                }
            }
            return n;
        }

        /** The distinct targets, sorted. */
        SortedSet<String> targets() {
            SortedSet<String> all = moreTargets == null ? new TreeSet<>() : new TreeSet<>(moreTargets);
            if (firstTarget != null) {
                all.add(firstTarget);
            }
            return all;
        }

        Finding finding(String principal, String summary, Severity severity) {
            List<CloudEvent> ev = new ArrayList<>(evidence);
            if (latest != null) {
                ev.add(latest);
            }
            ev = Events.sorted(ev);
            CloudEvent head = ev.get(0);
            String cap = ev.size() < count ? "; evidence lists " + ev.size() + " of " + count + " commands" : "";
            return new Finding(null, ID, severity, head.time(), ev.get(ev.size() - 1).time(), head.provider(),
                    principal, head.actor().accessKeyId(), head.source().ip(), head.action(),
                    new ArrayList<>(targets()), summary + cap, ev);
        }
    }
}
