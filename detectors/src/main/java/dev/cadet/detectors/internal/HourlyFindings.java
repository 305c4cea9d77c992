package dev.cadet.detectors.internal;

import java.io.Serializable;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Severity;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What several detectors share: matches gathered per (principal, hour {@code [h, h + 1h)}), one finding
 * per bucket once the watermark passes the hour, so that a busy principal yields one finding an hour
 * rather than one per event. Each bucket keeps the first evidence events and always the latest.
 */
public final class HourlyFindings implements Serializable {

    /** Evidence events kept per finding; the bucket counts all of them. */
    public static final int EVIDENCE_CAP = 50;

    /** Turns a closed bucket into the finding's summary. */
    @FunctionalInterface
    public interface Summary extends Serializable {
        String of(String principal, Bucket bucket);
    }

    private final String detector;
    private final Interner principals = new Interner();
    private final HourBuckets<Bucket> buckets = new HourBuckets<>(Times.HOUR);
    private final Summary summary;

    public HourlyFindings(String detector, Summary summary) {
        this.detector = detector;
        this.summary = summary;
    }

    /** The bucket of {@code principal} for the hour holding {@code time}, created when missing. */
    public Bucket bucket(String principal, long time) {
        long start = buckets.startOf(time);
        int id = principals.idOf(principal);
        Bucket b = id < 0 ? null : buckets.get(start, id);
        if (b == null) {
            id = principals.acquire(principal);
            b = new Bucket();
            buckets.put(start, id, b);
        }
        return b;
    }

    /** Emits the buckets whose hour the watermark has passed; returns how many. */
    public int emitComplete(long watermark, Consumer<Finding> out) {
        if (!buckets.hasComplete(watermark)) {
            return 0;
        }
        return buckets.emitComplete(watermark, (start, key, b) -> close(key, b, out));
    }

    public int emitAll(Consumer<Finding> out) {
        return buckets.emitAll((start, key, b) -> close(key, b, out));
    }

    public int open() {
        return buckets.open();
    }

    public int keysLive() {
        return principals.size();
    }

    private void close(int key, Bucket b, Consumer<Finding> out) {
        String principal = principals.name(key);
        principals.release(key);
        out.accept(b.toFinding(detector, principal, summary.of(principal, b)));
    }

    /** One principal's matches in one hour. */
    public static final class Bucket implements Serializable {
        private final List<CloudEvent> evidence = new ArrayList<>();
        private CloudEvent latest;
        private final Set<String> targets = new TreeSet<>();
        private final Set<String> notes = new TreeSet<>();
        private final ObjectIntHashMap<String> actions = new ObjectIntHashMap<>();
        private Severity severity = Severity.INFO;
        private int count;
        private Set<String> operations;

        /**
         * Adds a matching event (counted, kept as evidence while there is room). Records of one operation
         * (Azure writes Started, Accepted and Succeeded under one correlation id) count once.
         */
        public Bucket add(CloudEvent e) {
            if (e.correlationId() != null) {
                if (operations == null) {
                    operations = new java.util.HashSet<>();
                }
                if (!operations.add(e.correlationId() + '\n' + e.action())) {
                    return this;
                }
            }
            count++;
            if (evidence.size() < EVIDENCE_CAP - 1) {
                evidence.add(e);
            } else {
                latest = e;
            }
            targets.addAll(e.targets());
            actions.addToValue(e.action(), 1);
            return this;
        }

        /** Adds an event as evidence only (the context of a match, such as the sign-in before commands). */
        public Bucket context(CloudEvent e) {
            if (evidence.size() < EVIDENCE_CAP - 1 && !evidence.contains(e)) {
                evidence.add(e);
            }
            return this;
        }

        /** A distinct fact for the summary (a pattern id, a new address); notes are listed sorted. */
        public Bucket note(String note) {
            notes.add(note);
            return this;
        }

        public Bucket severity(Severity s) {
            severity = severity.max(s);
            return this;
        }

        public int count() {
            return count;
        }

        public Set<String> notes() {
            return notes;
        }

        public Set<String> targets() {
            return targets;
        }

        public Severity severity() {
            return severity;
        }

        /** The events shown, in time order. */
        public List<CloudEvent> evidence() {
            List<CloudEvent> all = new ArrayList<>(evidence);
            if (latest != null) {
                all.add(latest);
            }
            return Events.sorted(all);
        }

        /** {@code "; evidence lists 50 of 75 events"} when the cap cut the evidence, else empty. */
        public String capNote() {
            int shown = evidence.size() + (latest == null ? 0 : 1);
            return shown < count ? "; evidence lists " + shown + " of " + count + " events" : "";
        }

        Finding toFinding(String detector, String principal, String text) {
            List<CloudEvent> ev = evidence();
            CloudEvent head = ev.get(0);
            String accessKey = null;
            String ip = null;
            for (CloudEvent e : ev) {
                if (accessKey == null && principal.equals(e.principal())) {
                    accessKey = e.actor().accessKeyId();
                }
                if (ip == null && principal.equals(e.principal())) {
                    ip = e.source().ip();
                }
            }
            String action = actions.isEmpty() ? head.action() : Text.mostFrequent(actions);
            return new Finding(null, detector, severity, head.time(), ev.get(ev.size() - 1).time(), head.provider(),
                    principal, accessKey, ip, action, new ArrayList<>(targets), text, ev);
        }
    }
}
