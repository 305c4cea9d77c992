package dev.cadet.detectors;

import dev.cadet.detectors.internal.detect.AbstractDetector;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A built-in detector presented as a {@link Detector}. The detectors live in an internal package that
 * must not depend on this one (no package cycles), so they do not implement the interface themselves.
 */
final class BuiltInDetector implements Detector {

    private final AbstractDetector detector;

    BuiltInDetector(AbstractDetector detector) {
        this.detector = detector;
    }

    @Override
    public String id() {
        return detector.id();
    }

    @Override
    public void onEvent(CloudEvent event, Consumer<Finding> out) {
        detector.onEvent(event, out);
    }

    @Override
    public boolean handles(EventKind kind) {
        return detector.handles(kind);
    }

    @Override
    public void onWatermark(long watermarkMillis, Consumer<Finding> out) {
        detector.onWatermark(watermarkMillis, out);
    }

    @Override
    public void onEnd(Consumer<Finding> out) {
        detector.onEnd(out);
    }

    @Override
    public Map<String, Long> counters() {
        return detector.counters();
    }

    @Override
    public String toString() {
        return "Detector[" + detector.id() + "]";
    }
}
