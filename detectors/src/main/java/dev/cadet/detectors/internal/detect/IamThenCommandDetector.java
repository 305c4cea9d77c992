package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.ExpiryQueue;
import dev.cadet.detectors.internal.HourBuckets;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * "Indicators of an account compromise, such as unusual IAM activity": a successful credential or
 * privilege change (a new access key among them) by a principal or for a principal, followed within
 * {@code window} by a successful command execution or interactive session by that principal, with the
 * new key or any other. An IAM change counts for a command at {@code c} when it lies in {@code [c - window, c)}.
 *
 * <p>State: per interned principal the recent IAM changes by or for it (at most {@value #CHANGES_CAP}),
 * per interned credential id the change that created it, each with a FIFO for eviction below
 * {@code watermark - window}; matches are gathered per (principal, command hour) and emitted once the
 * watermark passes the hour, so a busy session yields one finding an hour rather than one per command.
 */
public final class IamThenCommandDetector extends AbstractDetector implements Serializable {

    public static final String ID = "iam-then-command";
    static final int CHANGES_CAP = 25;
    private static final int EVIDENCE_CAP = 50;

    private final long window;
    private final Interner principals = new Interner();
    private final Interner credentials = new Interner();
    private final IntObjectHashMap<ArrayDeque<CloudEvent>> changesByPrincipal = new IntObjectHashMap<>();
    private final IntObjectHashMap<CloudEvent> changeByCredential = new IntObjectHashMap<>();
    private final ExpiryQueue principalExpiry = new ExpiryQueue();
    private final ExpiryQueue credentialExpiry = new ExpiryQueue();
    private final HourBuckets<Bucket> buckets = new HourBuckets<>(Times.HOUR);
    private long evictBound = Long.MIN_VALUE;
    // Bound once: a method reference evaluated per watermark would allocate each time.
    private final ExpiryQueue.OnExpired evictPrincipal = this::evictPrincipal;
    private final ExpiryQueue.OnExpired evictCredential = this::evictCredential;

    public IamThenCommandDetector(Duration window) {
        super(ID, ON_MACHINE | kinds(EventKind.CREDENTIAL_CHANGE, EventKind.PRIVILEGE_CHANGE));
        this.window = window.toMillis();
        if (this.window <= 0) {
            throw new IllegalArgumentException("iamThenCommandWindow must be > 0, was " + window);
        }
    }

    static boolean isIamChange(CloudEvent e) {
        return e.outcome() == Outcome.SUCCESS
                && (e.kind() == EventKind.CREDENTIAL_CHANGE || e.kind() == EventKind.PRIVILEGE_CHANGE);
    }

    /** Whether the event can change this detector's state: an IAM change, or a command that ran. */
    public static boolean concerns(CloudEvent e) {
        return isIamChange(e) || (e.kind().runsOnMachine() && e.outcome() == Outcome.SUCCESS);
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        if (isIamChange(e)) {
            matched++;
            if (Events.isKnownPrincipal(e.principal())) {
                remember(e.principal(), e);
            }
            if (Events.isKnownPrincipal(e.subject()) && !e.subject().equals(e.principal())) {
                remember(e.subject(), e);
            }
            if (e.kind() == EventKind.CREDENTIAL_CHANGE) {
                // Targets of a credential change are the new or changed credentials (access key ids).
                for (String credential : e.targets()) {
                    int id = credentials.idOf(credential);
                    if (id < 0) {
                        id = credentials.acquire(credential);
                    }
                    changeByCredential.put(id, e);
                    credentialExpiry.add(e.time(), id);
                }
            }
        } else if (e.kind().runsOnMachine() && e.outcome() == Outcome.SUCCESS) {
            command(e);
        }
    }

    private void remember(String principal, CloudEvent change) {
        int id = principals.idOf(principal);
        ArrayDeque<CloudEvent> changes = id < 0 ? null : changesByPrincipal.get(id);
        if (changes == null) {
            id = principals.acquire(principal);
            changes = new ArrayDeque<>(4); // most principals make one or two changes
            changesByPrincipal.put(id, changes);
        }
        changes.addLast(change);
        if (changes.size() > CHANGES_CAP) {
            changes.removeFirst();
            evictions++;
        }
        principalExpiry.add(change.time(), id);
    }

    private void command(CloudEvent e) {
        long bound = Times.minus(e.time(), window);
        List<CloudEvent> changes = null; // made only on a match: most commands follow no IAM change
        if (Events.isKnownPrincipal(e.principal())) {
            int id = principals.idOf(e.principal());
            ArrayDeque<CloudEvent> byPrincipal = id < 0 ? null : changesByPrincipal.get(id);
            if (byPrincipal != null) {
                for (CloudEvent c : byPrincipal) {
                    if (c.time() >= bound && c.time() < e.time()) {
                        changes = changes == null ? new ArrayList<>(4) : changes;
                        changes.add(c);
                    }
                }
            }
        }
        String key = e.actor().accessKeyId();
        if (key != null && Events.isKnownPrincipal(e.principal())) {
            int id = credentials.idOf(key);
            CloudEvent created = id < 0 ? null : changeByCredential.get(id);
            // Only a change by or for the command's own principal: what a principal's findings rest on stays
            // within the events of that principal, so a host partitioning by principal finds the same.
            if (created != null && created.time() >= bound && created.time() < e.time()
                    && (e.principal().equals(created.principal()) || e.principal().equals(created.subject()))) {
                changes = changes == null ? new ArrayList<>(4) : changes;
                changes.add(created);
            }
        }
        if (changes == null) {
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
        b.add(e, changes);
    }

    @Override
    protected void advance(long watermarkMillis, Consumer<Finding> out) {
        if (buckets.hasComplete(watermarkMillis)) {
            buckets.emitComplete(watermarkMillis, (start, key, b) -> close(key, b, out));
        }
        // A future command is at or after the watermark, so changes before watermark - window can never count.
        evictBound = Times.minus(watermarkMillis, window);
        principalExpiry.pollBefore(evictBound, evictPrincipal);
        credentialExpiry.pollBefore(evictBound, evictCredential);
    }

    private void evictPrincipal(int id) {
        ArrayDeque<CloudEvent> changes = changesByPrincipal.get(id);
        if (changes == null) {
            return;
        }
        while (!changes.isEmpty() && changes.peekFirst().time() < evictBound) {
            changes.removeFirst();
            evictions++;
        }
        if (changes.isEmpty()) {
            changesByPrincipal.remove(id);
            principals.release(id);
        }
    }

    private void evictCredential(int id) {
        CloudEvent created = changeByCredential.get(id);
        if (created != null && created.time() < evictBound) {
            changeByCredential.remove(id);
            credentials.release(id);
            evictions++;
        }
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        buckets.emitAll((start, key, b) -> close(key, b, out));
        principals.clear();
        credentials.clear();
        changesByPrincipal.clear();
        changeByCredential.clear();
        principalExpiry.clear();
        credentialExpiry.clear();
    }

    @Override
    protected int keysLive() {
        return principals.size() + credentials.size();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        c.put("bucketsOpen", (long) buckets.open());
    }

    private void close(int key, Bucket b, Consumer<Finding> out) {
        String principal = principals.name(key);
        principals.release(key);
        emit(b.toFinding(principal, window), out);
    }

    /** One principal's commands in one hour that followed IAM changes. */
    private static final class Bucket implements Serializable {
        final Map<String, CloudEvent> changes = new LinkedHashMap<>();
        /** The earliest commands, and always the latest one so that the evidence spans the whole hour. */
        final List<CloudEvent> commands = new ArrayList<>();
        CloudEvent lastCommand;
        final Set<String> targets = new TreeSet<>();
        int count;

        void add(CloudEvent command, List<CloudEvent> matches) {
            count++;
            for (CloudEvent c : matches) {
                if (changes.size() < CHANGES_CAP) {
                    changes.putIfAbsent(c.provider() + "/" + c.eventId(), c);
                }
            }
            if (commands.size() < EVIDENCE_CAP - CHANGES_CAP - 1) {
                commands.add(command);
            } else {
                lastCommand = command;
            }
            targets.addAll(command.targets());
        }

        Finding toFinding(String principal, long window) {
            List<CloudEvent> shown = new ArrayList<>(commands);
            if (lastCommand != null) {
                shown.add(lastCommand);
            }
            List<CloudEvent> evidence = new ArrayList<>(changes.values());
            evidence.addAll(shown);
            evidence = Events.sorted(evidence);
            CloudEvent first = commands.get(0);
            Set<String> what = new TreeSet<>();
            for (CloudEvent c : changes.values()) {
                String subject = c.subject() != null && !c.subject().equals(c.principal()) ? " for " + c.subject() : "";
                String credential = c.kind() == EventKind.CREDENTIAL_CHANGE && !c.targets().isEmpty()
                        ? " (" + String.join(", ", c.targets()) + ")" : "";
                what.add(c.action() + subject + credential + " by " + c.principal());
            }
            String summary = principal + " ran " + Text.count(count, "command") + " on "
                    + Text.count(targets.size(), "target") + " between " + Times.iso(first.time()) + " and "
                    + Times.iso(shown.get(shown.size() - 1).time()) + ", within "
                    + Times.human(Duration.ofMillis(window)) + " of " + Text.count(changes.size(), "IAM change")
                    + ": " + Text.list(what, 4)
                    + (shown.size() < count ? "; evidence lists " + shown.size() + " of " + count + " commands" : "");
            return new Finding(null, ID, Severity.HIGH, evidence.get(0).time(), evidence.get(evidence.size() - 1).time(),
                    first.provider(), principal, first.actor().accessKeyId(), first.source().ip(), first.action(),
                    new ArrayList<>(targets), summary, evidence);
        }
    }
}
