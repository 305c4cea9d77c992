package dev.cadet.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything a scan produced: the input accounting, what the pipeline counted, the findings and the
 * incidents with their decisions. This is what report writers read.
 *
 * @param input     per-file accounting and rejects
 * @param pipeline  duplicates, late events and detector counters
 * @param coverage  time covered per provider, account and region, sorted
 * @param findings  all findings, sorted by id
 * @param incidents all incidents, most severe first
 */
public record ScanResult(InputReport input, PipelineCounters pipeline, List<Coverage> coverage,
                         List<Finding> findings, List<Incident> incidents) {

    public ScanResult {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(pipeline, "pipeline");
        coverage = List.copyOf(coverage);
        findings = List.copyOf(findings);
        incidents = List.copyOf(incidents);
    }
}
