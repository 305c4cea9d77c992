package dev.cadet.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A kind of output a scan can write, named as on the command line ({@code --format md,csv,jsonl,json}). */
public enum ReportFormat {
    /** {@code report.md}, for the analyst. */
    MD(List.of(Reports.REPORT_MD)),
    /** {@code findings.csv}, {@code incidents.csv} and {@code timeline.csv}, for spreadsheets. */
    CSV(List.of(Reports.FINDINGS_CSV, Reports.INCIDENTS_CSV, Reports.TIMELINE_CSV)),
    /** {@code findings.jsonl}: OCSF Detection Findings, for a SIEM or data lake. */
    JSONL(List.of(Reports.FINDINGS_JSONL)),
    /** {@code summary.json}: counts for scripts and CI gates. */
    JSON(List.of(Reports.SUMMARY_JSON));

    private final List<String> files;

    ReportFormat(List<String> files) {
        this.files = files;
    }

    /** The files this format writes, in the order they are written. */
    public List<String> files() {
        return files;
    }

    /** The name used on the command line: {@code md}, {@code csv}, {@code jsonl}, {@code json}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code id}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the known formats
     */
    public static ReportFormat of(String id) {
        for (ReportFormat f : values()) {
            if (f.id().equalsIgnoreCase(id.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + id + "': expected one of "
                + Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", ")));
    }
}
