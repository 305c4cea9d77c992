package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.ExpiryQueue;
import dev.cadet.detectors.internal.Interner;
import dev.cadet.detectors.internal.Text;
import dev.cadet.detectors.internal.Times;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Severity;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reconnaissance before "multiple failed attempts followed by a successful execution": a burst of
 * command executions or sessions refused for lack of rights or aimed at machines that do not exist
 * (AccessDenied, Unauthorized..., AuthorizationFailed, PermissionDenied, InvalidInstanceId...). A burst
 * starts when {@code threshold} such failures of one principal (or, when the log names nobody, one
 * source address) lie less than {@code window} apart from first to last, grows while further failures
 * come less than {@code window} after the previous one, and is reported once it ends. MEDIUM.
 *
 * <p>State per key: its failures of the last {@code window} and an open burst; evicted by watermark.
 */
public final class DeniedCommandBurstDetector extends AbstractDetector implements Serializable {

    public static final String ID = "denied-command-burst";
    /** Error codes (after an optional {@code Client.} prefix), by case-insensitive prefix. */
    static final List<String> CODES = List.of("accessdenied", "unauthorized", "authorizationfailed", "forbidden",
            "permissiondenied", "permission_denied", "invalidinstanceid", "invalidtarget", "invalidclienttokenid",
            "linkedauthorizationfailed");
    private static final int EVIDENCE_CAP = 50;

    private final int threshold;
    private final long window;
    private final Interner keys = new Interner();
    private final IntObjectHashMap<State> states = new IntObjectHashMap<>();
    private final ExpiryQueue expiry = new ExpiryQueue();
    private final ExpiryQueue.OnExpired check = this::check;
    private long watermarkNow = Long.MIN_VALUE;
    private Consumer<Finding> sink;

    public DeniedCommandBurstDetector(int threshold, Duration window) {
        super(ID, ON_MACHINE);
        if (threshold < 2) {
            throw new IllegalArgumentException("deniedBurstThreshold must be >= 2, was " + threshold);
        }
        this.threshold = threshold;
        this.window = window.toMillis();
        if (this.window <= 0) {
            throw new IllegalArgumentException("deniedBurstWindow must be > 0, was " + window);
        }
    }

    static boolean isDenied(CloudEvent e) {
        if (e.outcome() != Outcome.FAILURE || !e.kind().runsOnMachine() || e.errorCode() == null) {
            return false;
        }
        String code = e.errorCode().startsWith("Client.") ? e.errorCode().substring(7) : e.errorCode();
        String lower = code.toLowerCase(Locale.ROOT);
        for (String c : CODES) {
            if (lower.startsWith(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the event can change this detector's state: a refused command execution or session. */
    public static boolean concerns(CloudEvent e) {
        return isDenied(e);
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        if (!isDenied(e)) {
            return;
        }
        String key = Events.isKnownPrincipal(e.principal()) ? e.principal()
                : e.source().ip() != null ? "source " + e.source().ip() : null;
        if (key == null) {
            return;
        }
        matched++;
        int id = keys.idOf(key);
        State s = id < 0 ? null : states.get(id);
        if (s == null) {
            id = keys.acquire(key);
            s = new State();
            states.put(id, s);
        }
        if (s.burst != null && e.time() - s.last >= window) {
            close(id, s, out);
        }
        // Failures that can no longer share a window with this one. Counted as evictions like the ones
        // the watermark removes, so the counter does not depend on when watermarks arrive.
        while (!s.recent.isEmpty() && e.time() - s.recent.peekFirst().time() >= window) {
            s.recent.removeFirst();
            evictions++;
        }
        s.recent.addLast(e);
        s.last = e.time();
        if (s.burst != null) {
            s.burst.add(e);
        } else if (s.recent.size() >= threshold) {
            s.burst = new Burst();
            for (CloudEvent f : s.recent) {
                s.burst.add(f);
            }
        }
        expiry.add(e.time(), id);
    }

    @Override
    protected void advance(long watermarkMillis, Consumer<Finding> out) {
        watermarkNow = watermarkMillis;
        sink = out;
        // A failure at or after the watermark joins nothing that ended at or before watermark - window.
        expiry.pollBefore(Times.minus(watermarkMillis, window) + 1, check);
        sink = null;
    }

    private void check(int id) {
        State s = states.get(id);
        if (s == null || s.last > Times.minus(watermarkNow, window)) {
            return;
        }
        if (s.burst != null) {
            close(id, s, sink);
        }
        evictions += s.recent.size();
        states.remove(id);
        keys.release(id);
    }

    private void close(int id, State s, Consumer<Finding> out) {
        Burst b = s.burst;
        s.burst = null;
        emit(b.finding(keys.name(id), window), out);
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        int[] ids = states.keySet().toSortedArray();
        for (int id : ids) {
            State s = states.get(id);
            if (s.burst != null) {
                close(id, s, out);
            }
        }
        states.clear();
        keys.clear();
        expiry.clear();
    }

    @Override
    protected int keysLive() {
        return keys.size();
    }

    private static final class State implements Serializable {
        final ArrayDeque<CloudEvent> recent = new ArrayDeque<>();
        long last;
        Burst burst;
    }

    private static final class Burst implements Serializable {
        final List<CloudEvent> evidence = new ArrayList<>();
        CloudEvent latest;
        int count;
        final ObjectIntHashMap<String> codes = new ObjectIntHashMap<>();
        final TreeSet<String> targets = new TreeSet<>();

        void add(CloudEvent e) {
            count++;
            codes.addToValue(e.errorCode(), 1);
            targets.addAll(e.targets());
            if (evidence.size() < EVIDENCE_CAP - 1) {
                evidence.add(e);
            } else {
                latest = e;
            }
        }

        Finding finding(String key, long window) {
            List<CloudEvent> ev = new ArrayList<>(evidence);
            if (latest != null) {
                ev.add(latest);
            }
            CloudEvent head = ev.get(0);
            CloudEvent tail = ev.get(ev.size() - 1);
            String summary = Text.count(count, "refused command execution") + " for " + key + " between "
                    + Times.iso(head.time()) + " and " + Times.iso(tail.time()) + " (" + Text.tally(codes)
                    + "), each less than " + Times.human(Duration.ofMillis(window)) + " after the one before"
                    + (targets.isEmpty() ? "" : "; targets tried: " + Text.list(targets, 5))
                    + (ev.size() < count ? "; evidence lists " + ev.size() + " of " + count + " events" : "");
            return new Finding(null, ID, Severity.MEDIUM, head.time(), tail.time(), head.provider(), head.principal(),
                    head.actor().accessKeyId(), head.source().ip(), head.action(), new ArrayList<>(targets), summary, ev);
        }
    }
}
