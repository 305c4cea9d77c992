package dev.cadet.detectors;

import dev.cadet.model.Coverage;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.PipelineCounters;

import java.util.List;
import java.util.Objects;

/**
 * Everything one scan's pipeline produced.
 *
 * @param findings  all findings, numbered {@code F-0001}... in (first seen, detector, principal, first evidence) order
 * @param incidents incidents, escalations first, then by severity (highest first) and first seen
 * @param counters  events in, duplicates, late events and each detector's counters
 * @param coverage  time covered by the analysed events per provider, account and region, sorted
 */
public record DetectionResult(List<Finding> findings, List<Incident> incidents, PipelineCounters counters,
                              List<Coverage> coverage) {

    public DetectionResult {
        findings = List.copyOf(findings);
        incidents = List.copyOf(incidents);
        Objects.requireNonNull(counters, "counters");
        coverage = List.copyOf(coverage);
    }
}
