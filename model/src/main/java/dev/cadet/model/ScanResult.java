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
 * @param filter    the events the user chose to analyse ({@link ScanFilter#NONE} for all)
 */
public record ScanResult(InputReport input, PipelineCounters pipeline, List<Coverage> coverage,
                         List<Finding> findings, List<Incident> incidents, ScanFilter filter) {

    public ScanResult {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(pipeline, "pipeline");
        coverage = List.copyOf(coverage);
        findings = List.copyOf(findings);
        incidents = List.copyOf(incidents);
        filter = filter == null ? ScanFilter.NONE : filter;
    }

    /** A result of a scan that analysed every event it read. */
    public ScanResult(InputReport input, PipelineCounters pipeline, List<Coverage> coverage, List<Finding> findings,
                      List<Incident> incidents) {
        this(input, pipeline, coverage, findings, incidents, ScanFilter.NONE);
    }
}
