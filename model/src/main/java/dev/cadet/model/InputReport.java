package dev.cadet.model;

import java.util.List;

/**
 * Accounting of all inputs of a scan: per file, and the rejects with their reasons.
 *
 * @param files   one report per input file, sorted by file name
 * @param rejects every quarantined record, sorted by file then record number
 */
public record InputReport(List<FileReport> files, List<Reject> rejects) {

    public InputReport {
        files = List.copyOf(files);
        rejects = List.copyOf(rejects);
    }

    public long records() {
        return files.stream().mapToLong(FileReport::records).sum();
    }

    public long events() {
        return files.stream().mapToLong(FileReport::events).sum();
    }

    public long skipped() {
        return files.stream().mapToLong(FileReport::skipped).sum();
    }

    public long quarantined() {
        return files.stream().mapToLong(FileReport::quarantined).sum();
    }

    /** Files with a file-level problem. */
    public List<FileReport> filesWithErrors() {
        return files.stream().filter(f -> f.error() != null).toList();
    }
}
