package dev.cadet.parsers;

import dev.cadet.model.FileReport;
import dev.cadet.model.Reject;

import java.util.List;
import java.util.Objects;

/**
 * What reading one input produced besides its events.
 *
 * @param report  the accounting of the file: format, records, events, skipped, quarantined, file-level error
 * @param rejects the quarantined records in input order, as many as {@code report.quarantined()}
 */
public record FileResult(FileReport report, List<Reject> rejects) {

    public FileResult {
        Objects.requireNonNull(report, "report");
        rejects = List.copyOf(rejects);
        if (rejects.size() != report.quarantined()) {
            throw new IllegalArgumentException("file " + report.file() + " reports " + report.quarantined()
                    + " quarantined records but carries " + rejects.size() + " rejects");
        }
    }
}
