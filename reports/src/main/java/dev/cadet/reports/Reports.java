package dev.cadet.reports;

import dev.cadet.model.CadetException;
import dev.cadet.model.ScanResult;
import dev.cadet.reports.internal.AtomicFiles;
import dev.cadet.reports.internal.CsvReports;
import dev.cadet.reports.internal.MarkdownReport;
import dev.cadet.reports.internal.SummaryJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes the reports of one scan. Every method is deterministic: the same {@link ScanResult} gives
 * the same bytes (no clock, no locale, no platform line separator). Strings from the logs are
 * escaped for the format they land in; {@code docs/report-formats.md} describes each file.
 *
 * <p>The stream methods flush but never close what they are given. Failures are reported as
 * {@link CadetException}.
 */
public final class Reports {

    /** The analyst's report. */
    public static final String REPORT_MD = "report.md";
    /** One row per finding. */
    public static final String FINDINGS_CSV = "findings.csv";
    /** One row per incident. */
    public static final String INCIDENTS_CSV = "incidents.csv";
    /** One row per evidence event, in time order. */
    public static final String TIMELINE_CSV = "timeline.csv";
    /** Counts for scripts and dashboards. */
    public static final String SUMMARY_JSON = "summary.json";

    /** The files {@link #writeAll} writes, in the order it writes and returns them. */
    public static final List<String> FILE_NAMES = List.of(REPORT_MD, FINDINGS_CSV, INCIDENTS_CSV, TIMELINE_CSV,
            SUMMARY_JSON);

    private Reports() {
    }

    /**
     * Writes {@code report.md}, {@code findings.csv}, {@code incidents.csv}, {@code timeline.csv} and
     * {@code summary.json} into {@code dir}, creating it if missing. Each file is written to a hidden
     * temporary file in {@code dir} and renamed over the target, so a reader never sees a partial
     * file; existing files are replaced.
     *
     * @return the files written, in the order of {@link #FILE_NAMES}
     * @throws CadetException if the folder cannot be created or a file cannot be written; the message
     *                        names the path
     */
    public static List<Path> writeAll(ScanResult result, Path dir) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CadetException("cannot create report folder " + dir + ": " + AtomicFiles.describe(e), e);
        }
        Path md = dir.resolve(REPORT_MD);
        AtomicFiles.write(md, out -> text(out, w -> MarkdownReport.write(result, w)));
        Path findings = dir.resolve(FINDINGS_CSV);
        AtomicFiles.write(findings, out -> text(out, w -> CsvReports.findings(result, w)));
        Path incidents = dir.resolve(INCIDENTS_CSV);
        AtomicFiles.write(incidents, out -> text(out, w -> CsvReports.incidents(result, w)));
        Path timeline = dir.resolve(TIMELINE_CSV);
        AtomicFiles.write(timeline, out -> text(out, w -> CsvReports.timeline(result, w)));
        Path summary = dir.resolve(SUMMARY_JSON);
        AtomicFiles.write(summary, out -> SummaryJson.write(result, out));
        return List.of(md, findings, incidents, timeline, summary);
    }

    /** Writes {@code report.md}: summary and verdicts, one section per incident, input accounting. */
    public static void markdown(ScanResult result, Writer out) {
        toWriter(REPORT_MD, result, out, MarkdownReport::write);
    }

    /** Writes {@code findings.csv}: RFC 4180, CRLF, header row, one row per finding by id. */
    public static void findingsCsv(ScanResult result, Writer out) {
        toWriter(FINDINGS_CSV, result, out, CsvReports::findings);
    }

    /** Writes {@code incidents.csv}: RFC 4180, CRLF, header row, one row per incident by id. */
    public static void incidentsCsv(ScanResult result, Writer out) {
        toWriter(INCIDENTS_CSV, result, out, CsvReports::incidents);
    }

    /** Writes {@code timeline.csv}: RFC 4180, CRLF, header row, one row per evidence event in time order. */
    public static void timelineCsv(ScanResult result, Writer out) {
        toWriter(TIMELINE_CSV, result, out, CsvReports::timeline);
    }

    /** Writes {@code summary.json} as UTF-8: counts by detector and decision, incidents, coverage, file errors. */
    public static void summaryJson(ScanResult result, OutputStream out) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        try {
            SummaryJson.write(result, out);
        } catch (UncheckedIOException e) {
            throw new CadetException("cannot write " + SUMMARY_JSON + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static void toWriter(String what, ScanResult result, Writer out, BiConsumer<ScanResult, Writer> body) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        try {
            body.accept(result, out);
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new CadetException("cannot write " + what + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** UTF-8 text into a file body; flushed, and the stream left for the caller to close. */
    private static void text(OutputStream out, Consumer<Writer> body) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        body.accept(w);
        w.flush();
    }
}
