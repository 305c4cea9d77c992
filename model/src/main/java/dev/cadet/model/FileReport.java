package dev.cadet.model;

import java.util.Objects;

/**
 * What became of every record of one input file. Invariant:
 * {@code records == events + skipped + quarantined}.
 *
 * @param file        the file as named on input
 * @param format      detected format, for example {@code cloudtrail-records}, {@code cloudtrail-digest}
 * @param records     records read
 * @param events      records that became events
 * @param skipped     records skipped by rule (a digest file, an empty wrapper), counted but not events
 * @param quarantined records rejected with a reason
 * @param error       file-level problem (truncated gzip, cut-off array, unknown format) with what was
 *                    salvaged, or {@code null} when the file was read to its end
 */
public record FileReport(String file, String format, long records, long events, long skipped, long quarantined,
                         String error) {

    public FileReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        if (records != events + skipped + quarantined) {
            throw new IllegalArgumentException("accounting does not add up for " + file + ": records " + records
                    + " != events " + events + " + skipped " + skipped + " + quarantined " + quarantined);
        }
    }
}
