package dev.cadet.parsers;

import dev.cadet.model.Command;
import dev.cadet.model.FileReport;
import dev.cadet.model.Reject;

import java.util.List;
import java.util.Objects;

/**
 * What reading one input produced besides its events.
 *
 * @param report  the accounting of the file: format, records, events, skipped, quarantined, file-level error
 * @param rejects the quarantined records in input order, as many as {@code report.quarantined()}
 * @param history command history read from the file (SSM {@code list-commands} or
 *                {@code list-command-invocations} output), in input order: one {@link Command} per record, each
 *                with its command id; empty for audit logs. Join it with {@link CommandHistory}.
 */
public record FileResult(FileReport report, List<Reject> rejects, List<Command> history) {

    public FileResult {
        Objects.requireNonNull(report, "report");
        rejects = List.copyOf(rejects);
        history = List.copyOf(history);
        if (rejects.size() != report.quarantined()) {
            throw new IllegalArgumentException("file " + report.file() + " reports " + report.quarantined()
                    + " quarantined records but carries " + rejects.size() + " rejects");
        }
    }

    /** The result of an audit log, which holds no command history. */
    public FileResult(FileReport report, List<Reject> rejects) {
        this(report, rejects, List.of());
    }
}
