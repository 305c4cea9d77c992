package dev.cadet.detectors.internal.detect;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * "Escalate if you find multiple failed attempts followed by a successful execution": at least
 * {@code threshold} failures within {@code window} before a success, for the same principal or the
 * same source IP (a failed console login may name no real principal, so both keys are tracked
 * separately). The failure window of a success at {@code s} is {@code [s - window, s)}: a failure
 * exactly {@code window} earlier counts, one at the same millisecond as the success does not.
 *
 * <p>State per key: the times of its failures inside the window (primitive list) and the most recent
 * failure events for evidence; keys are interned per kind and a FIFO of (time, key) lets the watermark
 * evict failures below {@code watermark - window} without scanning idle keys. A key that fires is reset.
 */
public final class FailedThenSuccessDetector extends AbstractDetector {

    public static final String ID = "failed-then-success";
    /** Error codes (after an optional {@code Client.} prefix) that mean "not allowed", by prefix. */
    static final List<String> DENIED_CODES = List.of(
            "AccessDenied", "Unauthorized", "UnauthorizedOperation", "AuthorizationFailed", "InvalidClientTokenId");
    private static final int EVIDENCE_CAP = 50;

    private final int threshold;
    private final long window;
    private final Keys byPrincipal = new Keys("principal");
    private final Keys byIp = new Keys("source");

    public FailedThenSuccessDetector(int threshold, Duration window) {
        super(ID);
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
            if (principal != null) {
                byPrincipal.addFailure(principal, e, bound);
            }
            if (ip != null) {
                byIp.addFailure(ip, e, bound);
            }
        } else {
            matched++;
            long bound = Times.minus(e.time(), window);
            int p = principal == null ? -1 : byPrincipal.ready(principal, e.time(), bound);
            int i = ip == null ? -1 : byIp.ready(ip, e.time(), bound);
            if (p < 0 && i < 0) {
                return;
            }
            // Both keys may fire on the same success: one finding, failures merged by event id.
            Map<String, CloudEvent> failures = new LinkedHashMap<>();
            long count = 0;
            List<String> keys = new ArrayList<>(2);
            if (p >= 0) {
                count = Math.max(count, byPrincipal.collect(p, e.time(), failures));
                keys.add("principal " + principal);
                byPrincipal.reset(p, e.time());
            }
            if (i >= 0) {
                count = Math.max(count, byIp.collect(i, e.time(), failures));
                keys.add("source " + ip);
                byIp.reset(i, e.time());
            }
            emit(finding(e, failures, Math.max(count, failures.size()), keys), out);
        }
    }

    private Finding finding(CloudEvent success, Map<String, CloudEvent> failures, long count, List<String> keys) {
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
                + String.join(" and ", keys) + " within " + Times.human(Duration.ofMillis(window))
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
        byPrincipal.evictBefore(bound);
        byIp.evictBefore(bound);
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        byPrincipal.clear();
        byIp.clear();
    }

    @Override
    protected int keysLive() {
        return byPrincipal.ids.size() + byIp.ids.size();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        c.put("principalsLive", (long) byPrincipal.ids.size());
        c.put("sourcesLive", (long) byIp.ids.size());
    }

    /** Failures of one key kind (principals or source IPs). */
    private final class Keys {
        final String kind;
        final Interner ids = new Interner();
        final IntObjectHashMap<Failures> state = new IntObjectHashMap<>();
        final ExpiryQueue expiry = new ExpiryQueue();
        long evictBound = Long.MIN_VALUE;
        // Bound once: a method reference evaluated per watermark would allocate each time.
        final IntConsumer onExpired = this::evictStale;

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
    private static final class Failures {
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
