package dev.cadet.detectors;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.detect.Partitioning;
import dev.cadet.detectors.internal.detect.Parts;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in detectors split by key, for a host that keeps each key's state apart: a stream processor's
 * keyed state (Flink), or any runtime that spreads keys over threads or machines. The same detector
 * classes as {@link Pipeline}; each key gets its own instances, made when the key first needs them.
 *
 * <p>Use: send every event to each of {@link #keysOf its keys}; keep one {@link DetectorPartition} per key
 * ({@link #newPartition}, stored with {@link #snapshot} and {@link #restore}); {@link DetectorPartition#push
 * push} events and {@link DetectorPartition#advance advance} the watermark; gather the findings of all keys
 * and {@link #conclude} them. With the same events, configuration and no late events, the findings and
 * incidents equal those of a {@link Pipeline}.
 *
 * <p>The baseline must be stored or absent: a scan learns from its first hours, which a continuous job
 * split over keys does not have; learn one with {@code cadet baseline learn} (or {@link Baseline#learner()}).
 * Immutable and thread-safe; partitions are not.
 */
public final class KeyedDetection {

    private final DetectionConfig config;
    private final History history;
    private final Partitioning.Plan plan;
    private final List<Object> shared;
    private final Map<Object, Integer> sharedIndex = new IdentityHashMap<>();

    private KeyedDetection(DetectionConfig config) {
        this.config = config;
        this.history = Detectors.history(config);
        Parts parts = Detectors.parts(config, history);
        this.plan = new Partitioning.Plan(parts);
        this.shared = parts.shared();
        for (int i = 0; i < shared.size(); i++) {
            sharedIndex.putIfAbsent(shared.get(i), i);
        }
    }

    /**
     * Keyed detection with this configuration.
     *
     * @throws IllegalArgumentException when the configuration learns its baseline from the scan itself
     */
    public static KeyedDetection create(DetectionConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.baseline() == null && !config.learningPeriod().isZero()) {
            throw new IllegalArgumentException("keyed detection needs a stored baseline or learningPeriod 0: a"
                    + " baseline learned from the first " + config.learningPeriod() + " of a scan needs every key's"
                    + " events in one place; learn one with 'cadet baseline learn' and pass it with the configuration");
        }
        return new KeyedDetection(config);
    }

    public DetectionConfig config() {
        return config;
    }

    public long allowedLatenessMillis() {
        return config.allowedLateness().toMillis();
    }

    public long incidentGapMillis() {
        return config.incidentGap().toMillis();
    }

    /** The partition keys the event goes to ({@code principal:...}, {@code source:...}, {@code account:...}, {@code target:...}). */
    public List<String> keysOf(CloudEvent event) {
        Objects.requireNonNull(event, "event");
        List<String> keys = new ArrayList<>(3);
        Partitioning.keysOf(event, keys::add);
        return keys;
    }

    /** An empty partition for a key from {@link #keysOf}. */
    public DetectorPartition newPartition(String key) {
        Objects.requireNonNull(key, "key");
        DetectorPartition p = new DetectorPartition(key, plan.slots(key).size());
        p.bind(this);
        return p;
    }

    /** The partition's state as bytes: its events, windows and counters, without the shared configuration. */
    public byte[] snapshot(DetectorPartition partition) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new SharedOut(bytes)) {
            out.writeObject(partition);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot partition " + partition.key(), e);
        }
        return bytes.toByteArray();
    }

    /** A partition from {@link #snapshot} bytes, bound to this configuration. */
    public DetectorPartition restore(byte[] bytes) {
        try (ObjectInputStream in = new SharedIn(new ByteArrayInputStream(bytes))) {
            DetectorPartition p = (DetectorPartition) in.readObject();
            p.bind(this);
            return p;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("cannot restore a detector partition from " + bytes.length + " bytes", e);
        }
    }

    /** Numbers the findings of every key, groups them into incidents and decides each, as {@link Pipeline#finish} does. */
    public Conclusion conclude(Collection<Finding> findings) {
        return Pipeline.conclude(config, history, findings);
    }

    /** Numbered findings and decided incidents. */
    public record Conclusion(List<Finding> findings, List<Incident> incidents) {
        public Conclusion {
            findings = List.copyOf(findings);
            incidents = List.copyOf(incidents);
        }
    }

    List<Partitioning.Slot> slots(String key) {
        return plan.slots(key);
    }

    GeoLocator geo() {
        return config.geoLocator();
    }

    /** Stands in for a shared object in a snapshot. */
    private record SharedRef(int index) implements Serializable {
    }

    /** Writes shared objects as references and class descriptors by name only: a key's bytes hold its own state. */
    private final class SharedOut extends ObjectOutputStream {
        SharedOut(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            Integer i = sharedIndex.get(obj);
            return i == null ? obj : new SharedRef(i);
        }

        @Override
        protected void writeClassDescriptor(ObjectStreamClass desc) throws IOException {
            writeUTF(desc.getName());
        }
    }

    private final class SharedIn extends ObjectInputStream {
        SharedIn(InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) {
            return obj instanceof SharedRef ref ? shared.get(ref.index()) : obj;
        }

        @Override
        protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
            String name = readUTF();
            ObjectStreamClass desc = ObjectStreamClass.lookupAny(Class.forName(name, false,
                    KeyedDetection.class.getClassLoader()));
            if (desc == null) {
                throw new ClassNotFoundException(name);
            }
            return desc;
        }
    }
}
