package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.ExpiryQueue;
import dev.cadet.detectors.internal.Interner;
import dev.cadet.detectors.internal.Text;
import dev.cadet.detectors.internal.Times;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Severity;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Escalate if you find multiple failed attempts followed by a successful execution": at least
 * {@code threshold} failures within {@code window} before a success, for the same principal or the
 * same source IP (a failed console login may name no real principal, so both keys are tracked
 * separately). The failure window of a success at {@code s} is {@code [s - window, s)}: a failure
 * exactly {@code window} earlier counts, one at the same millisecond as the success does not. When both
 * the principal and the address of a success qualify, each gives its own finding (a spray from one
 * address shows other users' failures; the principal's own may come from many addresses).
 *
 * <p>State per key: the times of its failures inside the window (primitive list) and the most recent
 * failure events for evidence; keys are interned per kind and a FIFO of (time, key) lets the watermark
 * evict failures below {@code watermark - window} without scanning idle keys. A key that fires is reset.
 */
public final class FailedThenSuccessDetector extends AbstractDetector implements Serializable {

    public static final String ID = "failed-then-success";
    /** Error codes (after an optional {@code Client.} prefix) that mean "not allowed", by prefix. */
    static final List<String> DENIED_CODES = List.of(
            "AccessDenied", "Unauthorized", "UnauthorizedOperation", "AuthorizationFailed", "InvalidClientTokenId");
    private static final int EVIDENCE_CAP = 50;

    private final int threshold;
    private final long window;
    /** Failures by principal and by source address; {@code null} for a key kind this instance does not track. */
    private final Keys byPrincipal;
    private final Keys byIp;

    /** Tracks both principals and source addresses. */
    public FailedThenSuccessDetector(int threshold, Duration window) {
        this(threshold, window, true, true);
    }

    /** Tracks principals, source addresses or both: a partitioned host runs one kind per partition. */
    public FailedThenSuccessDetector(int threshold, Duration window, boolean byPrincipal, boolean bySource) {
        super(ID, ON_MACHINE | kinds(EventKind.AUTHENTICATION));
        this.byPrincipal = byPrincipal ? new Keys("principal") : null;
        this.byIp = bySource ? new Keys("source") : null;
        if (threshold < 1) {
            throw new IllegalArgumentException("failedThenSuccessThreshold must be >= 1, was " + threshold);
        }
        this.threshold = threshold;
        this.window = window.toMillis();
        if (this.window <= 0) {
            throw new IllegalArgumentException("failedThenSuccessWindow must be > 0, was " + window);
        }
    }

    /** An authentication failure, or a command API call refused for lack of rights. */
    static boolean isFailure(CloudEvent e) {
        if (e.outcome() != Outcome.FAILURE) {
            return false;
        }
        if (e.kind() == EventKind.AUTHENTICATION) {
            return true;
        }
        if (!e.kind().runsOnMachine() || e.errorCode() == null) {
            return false;
        }
        String code = e.errorCode().startsWith("Client.") ? e.errorCode().substring(7) : e.errorCode();
        for (String denied : DENIED_CODES) {
            if (code.startsWith(denied)) {
                return true;
            }
        }
        return false;
    }

    static boolean isSuccess(CloudEvent e) {
        return e.outcome() == Outcome.SUCCESS && (e.kind() == EventKind.AUTHENTICATION || e.kind().runsOnMachine());
    }

    /** Whether the event can change this detector's state: a failure or a success. */
    public static boolean concerns(CloudEvent e) {
        return isFailure(e) || isSuccess(e);
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        boolean failure = isFailure(e);
        if (!failure && !isSuccess(e)) {
            return; // most events: neither an attempt nor a success, and nothing to look up
        }
        String principal = Events.isKnownPrincipal(e.principal()) ? e.principal() : null;
        String ip = e.source().ip();
        if (failure) {
            matched++;
            long bound = Times.minus(e.time(), window);
            if (principal != null && byPrincipal != null) {
                byPrincipal.addFailure(principal, e, bound);
            }
            if (ip != null && byIp != null) {
                byIp.addFailure(ip, e, bound);
            }
        } else {
            matched++;
            long bound = Times.minus(e.time(), window);
            Finding byKey = principal == null ? null : fire(byPrincipal, principal, e, bound);
            Finding byAddress = ip == null ? null : fire(byIp, ip, e, bound);
            if (byKey != null && byAddress != null) {
                emit(merge(byKey, byAddress, window), out);
            } else if (byKey != null || byAddress != null) {
                emit(byKey != null ? byKey : byAddress, out);
            }
        }
    }

    /**
     * The finding of one key when it has enough failures before the success; the key starts afresh. A key
     * concludes from its own failures only, so a host that keeps each key's state apart finds the same
     * and {@link #mergeSameSuccess} joins what both key kinds found for one success, as this detector does.
     */
    private Finding fire(Keys keys, String key, CloudEvent success, long bound) {
        if (keys == null) {
            return null;
        }
        int id = keys.ready(key, success.time(), bound);
        if (id < 0) {
            return null;
        }
        Map<String, CloudEvent> failures = new LinkedHashMap<>();
        long count = keys.collect(id, success.time(), failures);
        keys.reset(id, success.time());
        return finding(success, failures, Math.max(count, failures.size()), keys.kind + " " + key, window);
    }

    /**
     * The findings with the principal's and the address's finding for one success made one, as a detector
     * tracking both key kinds reports them; other findings unchanged, in their order.
     */
    public static List<Finding> mergeSameSuccess(List<Finding> findings, Duration window) {
        Map<String, Finding> byPrincipal = new HashMap<>();
        for (Finding f : findings) {
            if (ID.equals(f.detector()) && f.summary().contains(FOR_PRINCIPAL)) {
                byPrincipal.put(successId(f), f);
            }
        }
        if (byPrincipal.isEmpty()) {
            return findings;
        }
        Map<Finding, Finding> merged = new IdentityHashMap<>();
        for (Finding f : findings) {
            Finding principalPart = ID.equals(f.detector()) && f.summary().contains(FOR_SOURCE)
                    ? byPrincipal.get(successId(f)) : null;
            if (principalPart != null) {
                merged.put(principalPart, merge(principalPart, f, window.toMillis()));
                merged.put(f, null);
            }
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Finding m = merged.containsKey(f) ? merged.get(f) : f;
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    private static final String FOR_PRINCIPAL = ") for principal ";
    private static final String FOR_SOURCE = ") for source ";
    private static final Pattern COUNT = Pattern.compile("^(\\d+) failed attempt");

    private static String successId(Finding f) {
        CloudEvent success = f.evidence().get(f.evidence().size() - 1);
        return success.provider() + "/" + success.eventId();
    }

    /** The principal's and the address's findings for one success as one: failures of both, the larger count. */
    private static Finding merge(Finding principalPart, Finding sourcePart, long window) {
        CloudEvent success = principalPart.evidence().get(principalPart.evidence().size() - 1);
        Map<String, CloudEvent> failures = new LinkedHashMap<>();
        long count = 0;
        for (Finding part : List.of(principalPart, sourcePart)) {
            List<CloudEvent> evidence = part.evidence();
            for (CloudEvent e : evidence.subList(0, evidence.size() - 1)) {
                failures.putIfAbsent(e.provider() + "/" + e.eventId(), e);
            }
            // This detector wrote the count at the start of its own summary.
            Matcher m = COUNT.matcher(part.summary());
            if (m.find()) {
                count = Math.max(count, Long.parseLong(m.group(1)));
            }
        }
        return finding(success, failures, Math.max(count, failures.size()), "principal " + success.principal()
                + " and source " + success.source().ip(), window);
    }

    private static Finding finding(CloudEvent success, Map<String, CloudEvent> failures, long count, String key,
                                   long window) {
        List<CloudEvent> failed = Events.sorted(new ArrayList<>(failures.values()));
        if (failed.size() > EVIDENCE_CAP - 1) {
            failed = failed.subList(failed.size() - (EVIDENCE_CAP - 1), failed.size());
        }
        Set<String> what = new TreeSet<>();
        for (CloudEvent f : failed) {
            what.add(f.action() + (f.errorCode() == null ? "" : " " + f.errorCode()));
        }
        List<CloudEvent> evidence = new ArrayList<>(failed);
        evidence.add(success);
        boolean execution = success.kind().runsOnMachine();
        String summary = Text.count(count, "failed attempt") + " (" + Text.list(what, 4) + ") for "
                + key + " within " + Times.human(Duration.ofMillis(window))
                + ", then a successful " + success.action() + " by " + success.principal()
                + " at " + Times.iso(success.time())
                + (execution ? ": a command ran after the failures" : "");
        return new Finding(null, ID, execution ? Severity.CRITICAL : Severity.HIGH, evidence.get(0).time(),
                success.time(), success.provider(), success.principal(), success.actor().accessKeyId(),
                success.source().ip(), success.action(), success.targets(), summary, evidence);
    }

    @Override
    protected void advance(long watermarkMillis, Consumer<Finding> out) {
        // A future success is at or after the watermark, so failures before watermark - window can never count.
        long bound = Times.minus(watermarkMillis, window);
        if (byPrincipal != null) {
            byPrincipal.evictBefore(bound);
        }
        if (byIp != null) {
            byIp.evictBefore(bound);
        }
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        if (byPrincipal != null) {
            byPrincipal.clear();
        }
        if (byIp != null) {
            byIp.clear();
        }
    }

    @Override
    protected int keysLive() {
        return live(byPrincipal) + live(byIp);
    }

    private static int live(Keys keys) {
        return keys == null ? 0 : keys.ids.size();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        c.put("principalsLive", (long) live(byPrincipal));
        c.put("sourcesLive", (long) live(byIp));
    }

    /** Failures of one key kind (principals or source IPs). */
    private final class Keys implements Serializable {
        final String kind;
        final Interner ids = new Interner();
        final IntObjectHashMap<Failures> state = new IntObjectHashMap<>();
        final ExpiryQueue expiry = new ExpiryQueue();
        long evictBound = Long.MIN_VALUE;
        // Bound once: a method reference evaluated per watermark would allocate each time.
        final ExpiryQueue.OnExpired onExpired = this::evictStale;

        Keys(String kind) {
            this.kind = kind;
        }

        void addFailure(String key, CloudEvent e, long bound) {
            int id = ids.idOf(key);
            Failures f = id < 0 ? null : state.get(id);
            if (f != null) {
                // Dropping the key's old failures may release it: then it starts afresh below, or the new
                // failure would go to state no longer held.
                evict(id, f, bound);
            }
            if (f == null || f.isEmpty()) {
                id = ids.acquire(key);
                f = new Failures();
                state.put(id, f);
            }
            f.add(e);
            expiry.add(e.time(), id);
        }

        /** The key's id when at least {@code threshold} of its failures lie in {@code [bound, time)}, else -1. */
        int ready(String key, long time, long bound) {
            int id = ids.idOf(key);
            Failures f = id < 0 ? null : state.get(id);
            if (f == null) {
                return -1;
            }
            evict(id, f, bound);
            return f.countBefore(time) >= threshold ? id : -1;
        }

        /** Adds the key's failures before {@code time} to {@code into}; returns how many there are in all. */
        long collect(int id, long time, Map<String, CloudEvent> into) {
            Failures f = state.get(id);
            for (CloudEvent e : f.recent) {
                if (e.time() < time) {
                    into.putIfAbsent(e.provider() + "/" + e.eventId(), e);
                }
            }
            return f.countBefore(time);
        }

        /** Forgets the failures that led to a finding; same-millisecond failures stay for the next success. */
        void reset(int id, long time) {
            Failures f = state.get(id);
            f.dropBefore(time);
            if (f.isEmpty()) {
                state.remove(id);
                ids.release(id);
            }
        }

        void evictBefore(long bound) {
            evictBound = bound;
            expiry.pollBefore(bound, onExpired);
        }

        private void evictStale(int id) {
            Failures f = state.get(id);
            if (f != null) {
                evict(id, f, evictBound);
            }
        }

        private void evict(int id, Failures f, long bound) {
            evictions += f.dropBefore(bound);
            if (f.isEmpty()) {
                state.remove(id);
                ids.release(id);
            }
        }

        void clear() {
            ids.clear();
            state.clear();
            expiry.clear();
        }

        @Override
        public String toString() {
            return kind + " keys: " + ids.size();
        }
    }

    /** One key's failures in time order: every time (a primitive queue), and the latest events for evidence. */
    private static final class Failures implements Serializable {
        long[] times = new long[4];
        int head;
        int size;
        final ArrayDeque<CloudEvent> recent = new ArrayDeque<>(4); // most keys hold one or two failures

        void add(CloudEvent e) {
            if (head + size == times.length) {
                // Compact first; grow only when more than half is live.
                if (size > times.length / 2) {
                    times = Arrays.copyOfRange(times, head, head + times.length * 2);
                } else {
                    System.arraycopy(times, head, times, 0, size);
                }
                head = 0;
            }
            times[head + size++] = e.time();
            recent.addLast(e);
            if (recent.size() > EVIDENCE_CAP) {
                recent.removeFirst();
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        long countBefore(long time) {
            int n = size;
            while (n > 0 && times[head + n - 1] >= time) {
                n--;
            }
            return n;
        }

        /** Drops failures with {@code time < bound}; returns how many. */
        int dropBefore(long bound) {
            int n = 0;
            while (n < size && times[head + n] < bound) {
                n++;
            }
            head += n;
            size -= n;
            if (size == 0) {
                head = 0;
            }
            while (!recent.isEmpty() && recent.peekFirst().time() < bound) {
                recent.removeFirst();
            }
            return n;
        }
    }
}
