package dev.cadet.detectors.testkit;

import dev.cadet.detectors.DetectorPartition;
import dev.cadet.detectors.KeyedDetection;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hosts a {@link KeyedDetection} the way a stream processor does, in one thread: one partition per key,
 * a watermark of the newest event time less the lateness, and each partition woken only when its
 * {@link DetectorPartition#nextWakeUp()} is due (a timer). Optionally stores every partition as bytes and
 * restores it after every {@code snapshotEvery} events, as a restart from a checkpoint would.
 */
public final class KeyedHost {

    private final KeyedDetection keyed;
    private final int snapshotEvery;
    private final Map<String, DetectorPartition> partitions = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private long maxTime = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long snapshotBytes;
    private long snapshots;
    private int peakPartitions;

    public KeyedHost(KeyedDetection keyed, int snapshotEvery) {
        this.keyed = keyed;
        this.snapshotEvery = snapshotEvery;
    }

    public KeyedDetection.Conclusion run(List<CloudEvent> events) {
        int n = 0;
        for (CloudEvent e : events) {
            for (String key : keyed.keysOf(e)) {
                partitions.computeIfAbsent(key, keyed::newPartition).push(e, watermark);
            }
            peakPartitions = Math.max(peakPartitions, partitions.size());
            if (e.time() > maxTime) {
                maxTime = e.time();
                long next = maxTime - keyed.allowedLatenessMillis();
                if (next > watermark) {
                    watermark = next;
                    wake();
                }
            }
            if (snapshotEvery > 0 && ++n % snapshotEvery == 0) {
                restart();
            }
        }
        for (DetectorPartition p : partitions.values()) {
            p.advance(Long.MAX_VALUE, findings::add);
        }
        return keyed.conclude(findings);
    }

    private void wake() {
        partitions.values().removeIf(p -> {
            if (p.nextWakeUp() <= watermark) {
                p.advance(watermark, findings::add);
            }
            return p.isEmpty();
        });
    }

    private void restart() {
        for (Map.Entry<String, DetectorPartition> entry : partitions.entrySet()) {
            byte[] bytes = keyed.snapshot(entry.getValue());
            snapshotBytes += bytes.length;
            snapshots++;
            entry.setValue(keyed.restore(bytes));
        }
    }

    /** Partitions live at once, at most. */
    public int peakPartitions() {
        return peakPartitions;
    }

    /** Mean size of a partition snapshot, 0 when none was taken. */
    public long meanSnapshotBytes() {
        return snapshots == 0 ? 0 : snapshotBytes / snapshots;
    }
}
