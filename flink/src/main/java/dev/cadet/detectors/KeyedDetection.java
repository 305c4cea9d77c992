package dev.cadet.detectors;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.incident.Approvals;
import dev.cadet.detectors.internal.incident.Assembly;
import dev.cadet.detectors.internal.incident.Context;
import dev.cadet.detectors.internal.incident.EscalationPolicy;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** TEMPORARY STAND-IN (untracked): one partition for everything, a Pipeline at the end. */
public final class KeyedDetection {
    final DetectionConfig config;

    private KeyedDetection(DetectionConfig config) {
        this.config = config;
    }

    public static KeyedDetection create(DetectionConfig config) {
        if (config.baseline() == null && !config.learningPeriod().isZero()) {
            throw new IllegalArgumentException("learns from the scan");
        }
        return new KeyedDetection(config);
    }

    public long allowedLatenessMillis() {
        return config.allowedLateness().toMillis();
    }

    public long incidentGapMillis() {
        return config.incidentGap().toMillis();
    }

    public List<String> keysOf(CloudEvent event) {
        return List.of("all");
    }

    public DetectorPartition newPartition(String key) {
        return new DetectorPartition(this, key, new ArrayList<>());
    }

    public byte[] snapshot(DetectorPartition partition) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeUTF(partition.key());
            out.writeObject(new ArrayList<>(partition.events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public DetectorPartition restore(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            String key = in.readUTF();
            return new DetectorPartition(this, key, (List<CloudEvent>) in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    public Conclusion conclude(Collection<Finding> findings) {
        List<Finding> numbered = Assembly.number(new ArrayList<>(findings));
        History history = Detectors.history(config);
        history.freeze();
        Approvals approvals = Approvals.of(config.approvedPrincipals(), config.approvedSources());
        Context context = new Context(approvals, history, config.geoLocator() != null,
                config.iocAddresses().size() + config.iocDomains().size());
        List<Incident> incidents = Assembly.incidents(numbered, config.incidentGap().toMillis(),
                new EscalationPolicy(approvals), context);
        return new Conclusion(numbered, incidents);
    }

    public record Conclusion(List<Finding> findings, List<Incident> incidents) {
    }
}
