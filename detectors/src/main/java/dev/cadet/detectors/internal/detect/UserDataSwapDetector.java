package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.ExpiryQueue;
import dev.cadet.detectors.internal.Interner;
import dev.cadet.detectors.internal.Times;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Severity;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Startup-script abuse: a machine stopped, its user data or startup script changed, and started again,
 * all within {@code window} of the stop, so that the new script runs as root at boot (EC2
 * StopInstances, ModifyInstanceAttribute userData, StartInstances; GCP instances.stop, setMetadata with a
 * startup script, instances.start; Azure deallocate or powerOff, then start, around a run command
 * or extension). HIGH; one finding per machine and swap.
 *
 * <p>State per target: the latest stop and the change after it, evicted below {@code watermark - window}.
 */
public final class UserDataSwapDetector extends AbstractDetector implements Serializable {

    public static final String ID = "user-data-swap";

    private final long window;
    private final String onlyTarget;
    private final Interner targets = new Interner();
    private final IntObjectHashMap<Swap> swaps = new IntObjectHashMap<>();
    private final ExpiryQueue expiry = new ExpiryQueue();
    private final ExpiryQueue.OnExpired evict = this::evict;
    private long evictBound = Long.MIN_VALUE;

    private static final class Swap implements Serializable {
        CloudEvent stop;
        CloudEvent change;
    }

    /** Watches every machine. */
    public UserDataSwapDetector(Duration window) {
        this(window, null);
    }

    /** Watches one machine, or every machine when {@code onlyTarget} is {@code null}: a partitioned host runs one per machine. */
    public UserDataSwapDetector(Duration window, String onlyTarget) {
        super(ID, ALL_KINDS);
        this.onlyTarget = onlyTarget;
        this.window = window.toMillis();
        if (this.window <= 0) {
            throw new IllegalArgumentException("userDataSwapWindow must be > 0, was " + window);
        }
    }

    enum Step { STOP, CHANGE, START }

    static Step step(CloudEvent e) {
        if (e.outcome() == Outcome.FAILURE || e.targets().isEmpty()) {
            return null;
        }
        String a = e.action();
        if (endsWith(a, "StopInstances") || endsWith(a, "instances.stop") || endsWith(a, "virtualMachines/deallocate/action")
                || endsWith(a, "virtualMachines/powerOff/action")) {
            return Step.STOP;
        }
        if (endsWith(a, "StartInstances") || endsWith(a, "instances.start") || endsWith(a, "virtualMachines/start/action")) {
            return Step.START;
        }
        return e.kind() == EventKind.COMMAND_EXECUTION ? Step.CHANGE : null;
    }

    /** Case-insensitive suffix test without a lower-cased copy: this runs for every event. */
    private static boolean endsWith(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** Whether the event can change this detector's state: a stop, a change or a start of a machine. */
    public static boolean concerns(CloudEvent e) {
        return step(e) != null;
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        Step step = step(e);
        if (step == null) {
            return;
        }
        for (String t : e.targets()) {
            if (onlyTarget != null && !onlyTarget.equals(t)) {
                continue;
            }
            int id = targets.idOf(t);
            Swap s = id < 0 ? null : swaps.get(id);
            switch (step) {
                case STOP -> {
                    matched++;
                    if (s == null) {
                        id = targets.acquire(t);
                        s = new Swap();
                        swaps.put(id, s);
                    }
                    s.stop = e;
                    s.change = null;
                    expiry.add(e.time(), id);
                }
                case CHANGE -> {
                    if (s != null && s.stop.time() < e.time() && s.change == null) {
                        matched++;
                        s.change = e;
                    }
                }
                case START -> {
                    if (s != null && s.change != null && s.change.time() < e.time()
                            && e.time() - s.stop.time() < window) {
                        matched++;
                        emit(finding(t, s.stop, s.change, e), out);
                        swaps.remove(id);
                        targets.release(id);
                    }
                }
                default -> throw new IllegalStateException(step.toString());
            }
        }
    }

    private Finding finding(String target, CloudEvent stop, CloudEvent change, CloudEvent start) {
        TreeSet<String> who = new TreeSet<>(List.of(stop.principal(), change.principal(), start.principal()));
        String summary = target + " was stopped at " + Times.iso(stop.time()) + ", changed with " + change.action()
                + " at " + Times.iso(change.time()) + " and started again at " + Times.iso(start.time())
                + " by " + String.join(", ", who) + ": a new startup script or user data runs at boot";
        return new Finding(null, ID, Severity.HIGH, stop.time(), start.time(), change.provider(), change.principal(),
                change.actor().accessKeyId(), change.source().ip(), change.action(), List.of(target), summary,
                List.of(stop, change, start));
    }

    @Override
    protected void advance(long watermarkMillis, Consumer<Finding> out) {
        // A start at or after the watermark completes nothing whose stop lies at or before watermark - window.
        evictBound = Times.minus(watermarkMillis, window) + 1;
        expiry.pollBefore(evictBound, evict);
    }

    private void evict(int id) {
        Swap s = swaps.get(id);
        if (s != null && s.stop.time() < evictBound) {
            swaps.remove(id);
            targets.release(id);
            evictions++;
        }
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        swaps.clear();
        targets.clear();
        expiry.clear();
    }

    @Override
    protected int keysLive() {
        return targets.size();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        c.put("swapsOpen", (long) swaps.size());
    }
}
