package dev.cadet.detectors;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** TEMPORARY STAND-IN (untracked). */
public final class DetectorPartition {
    private final KeyedDetection owner;
    private final String key;
    final List<CloudEvent> events;
    private final Set<String> ids = new HashSet<>();

    DetectorPartition(KeyedDetection owner, String key, List<CloudEvent> events) {
        this.owner = owner;
        this.key = key;
        this.events = events;
        events.forEach(e -> ids.add(e.provider() + "/" + e.eventId()));
    }

    public String key() {
        return key;
    }

    public boolean push(CloudEvent event, long watermark) {
        if (event.time() < watermark || !ids.add(event.provider() + "/" + event.eventId())) {
            return false;
        }
        events.add(event);
        return true;
    }

    public void advance(long watermark, Consumer<Finding> out) {
        if (watermark != Long.MAX_VALUE || events.isEmpty()) {
            return;
        }
        Pipeline p = Pipeline.create(owner.config);
        events.stream().sorted(java.util.Comparator.comparingLong(CloudEvent::time)).forEach(p::push);
        p.finish().findings().forEach(f -> out.accept(f.withId(null)));
        events.clear();
        ids.clear();
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public long nextWakeUp() {
        return Long.MAX_VALUE;
    }
}
