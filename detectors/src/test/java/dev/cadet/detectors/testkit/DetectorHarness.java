package dev.cadet.detectors.testkit;

import dev.cadet.detectors.internal.detect.AbstractDetector;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;

import java.util.ArrayList;
import java.util.List;

/** Drives one built-in detector by hand: push events, move the watermark, read findings and counters. */
public final class DetectorHarness {

    private final AbstractDetector detector;
    private final List<Finding> findings = new ArrayList<>();

    public DetectorHarness(AbstractDetector detector) {
        this.detector = detector;
    }

    public DetectorHarness push(CloudEvent... events) {
        for (CloudEvent e : events) {
            detector.onEvent(e, findings::add);
        }
        return this;
    }

    public DetectorHarness push(E.Builder... events) {
        for (E.Builder b : events) {
            detector.onEvent(b.build(), findings::add);
        }
        return this;
    }

    public DetectorHarness watermark(long millis) {
        detector.onWatermark(millis, findings::add);
        return this;
    }

    public DetectorHarness end() {
        detector.onEnd(findings::add);
        return this;
    }

    /** Findings emitted so far. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public Finding only() {
        if (findings.size() != 1) {
            throw new AssertionError("expected one finding, got " + findings.size() + ": " + findings);
        }
        return findings.get(0);
    }

    public long counter(String name) {
        Long v = detector.counters().get(name);
        if (v == null) {
            throw new AssertionError("no counter '" + name + "' in " + detector.counters());
        }
        return v;
    }
}
