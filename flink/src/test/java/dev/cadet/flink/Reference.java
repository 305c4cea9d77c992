package dev.cadet.flink;

import dev.cadet.detectors.Baseline;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.flink.internal.JsonOutput;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What the single-process scan says, in the job's output format, to compare the job's files with. */
final class Reference {

    static final List<String> FILES = List.of("findings.jsonl", "incidents.jsonl", "summary.json");

    private Reference() {
    }

    /** Writes findings and incidents as the job writes them. */
    static void write(Path dir, List<Finding> findings, List<Incident> incidents) {
        try {
            JsonOutput.write(dir.toString(), findings, incidents, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path dir, String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The configuration with a stored baseline learned from the first learning period of the events, as
     * {@code cadet baseline learn} would write it: a continuous job cannot learn one from its own input.
     */
    static DetectionConfig withStoredBaseline(DetectionConfig config, List<CloudEvent> events) {
        if (config.baseline() != null || config.learningPeriod().isZero() || events.isEmpty()) {
            return config;
        }
        List<CloudEvent> sorted = events.stream().sorted(Comparator.comparingLong(CloudEvent::time)).toList();
        long until = sorted.get(0).time() + config.learningPeriod().toMillis();
        Baseline.Learner learner = Baseline.learner();
        sorted.stream().filter(e -> e.time() < until).forEach(learner::add);
        return config.toBuilder().baseline(learner.build(), "learned from the first day").build();
    }
}
