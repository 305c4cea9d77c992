package dev.cadet.reports;

import dev.cadet.model.CadetException;
import dev.cadet.model.ScanResult;
import dev.cadet.reports.internal.AtomicFiles;
import dev.cadet.reports.internal.CsvReports;
import dev.cadet.reports.internal.MarkdownReport;
import dev.cadet.reports.internal.Ocsf;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
    /** One OCSF Detection Finding (class 2004) per line, for a SIEM or data lake. */
    public static final String FINDINGS_JSONL = "findings.jsonl";

    /** The files {@link #writeAll} writes, in the order it writes and returns them. */
    public static final List<String> FILE_NAMES = List.of(REPORT_MD, FINDINGS_CSV, INCIDENTS_CSV, TIMELINE_CSV,
            FINDINGS_JSONL, SUMMARY_JSON);

    private Reports() {
    }

    /**
     * Writes every report ({@link #FILE_NAMES}) into {@code dir}; see {@link #write}.
     *
     * @return the files written, in the order of {@link #FILE_NAMES}
     */
    public static List<Path> writeAll(ScanResult result, Path dir) {
        return write(result, dir, EnumSet.allOf(ReportFormat.class));
    }

    /**
     * Writes the files of the given formats into {@code dir}, creating it if missing. Each file is
     * written to a hidden temporary file in {@code dir} and renamed over the target, so a reader never
     * sees a partial file; existing files are replaced, files of other formats are left alone.
     *
     * @return the files written, in the order of {@link #FILE_NAMES}
     * @throws CadetException if the folder cannot be created or a file cannot be written; the message
     *                        names the path
     */
    public static List<Path> write(ScanResult result, Path dir, Set<ReportFormat> formats) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(formats, "formats");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CadetException("cannot create report folder " + dir + ": " + AtomicFiles.describe(e), e);
        }
        Set<String> wanted = new HashSet<>();
        formats.forEach(f -> wanted.addAll(f.files()));
        List<Path> written = new ArrayList<>();
        for (String name : FILE_NAMES) {
            if (wanted.contains(name)) {
                Path target = dir.resolve(name);
                AtomicFiles.write(target, out -> body(name, result, out));
                written.add(target);
            }
        }
        return List.copyOf(written);
    }

    private static void body(String name, ScanResult result, OutputStream out) throws IOException {
        switch (name) {
            case REPORT_MD -> text(out, w -> MarkdownReport.write(result, w));
            case FINDINGS_CSV -> text(out, w -> CsvReports.findings(result, w));
            case INCIDENTS_CSV -> text(out, w -> CsvReports.incidents(result, w));
            case TIMELINE_CSV -> text(out, w -> CsvReports.timeline(result, w));
            case FINDINGS_JSONL -> Ocsf.findings(result, out);
            case SUMMARY_JSON -> SummaryJson.write(result, out);
            default -> throw new IllegalArgumentException("no writer for " + name);
        }
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
        toStream(SUMMARY_JSON, result, out, SummaryJson::write);
    }

    /** Writes {@code findings.jsonl} as UTF-8: one OCSF Detection Finding (class 2004) per line, by id. */
    public static void findingsJsonl(ScanResult result, OutputStream out) {
        toStream(FINDINGS_JSONL, result, out, Ocsf::findings);
    }

    /**
     * Writes normalized events as OCSF JSON Lines to {@code target}, atomically (a temporary file renamed
     * over the target once {@code source} has returned): {@code source} gets the writer and writes every
     * event it has.
     *
     * @return the number of events written
     * @throws CadetException if the file cannot be written; the message names it
     */
    public static long ocsfEvents(Path target, Consumer<OcsfEventWriter> source) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        long[] written = new long[1];
        AtomicFiles.write(target, out -> {
            try (OcsfEventWriter writer = OcsfEventWriter.to(out)) {
                source.accept(writer);
                written[0] = writer.written();
            }
        });
        return written[0];
    }

    private static void toStream(String what, ScanResult result, OutputStream out,
                                 BiConsumer<ScanResult, OutputStream> body) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        try {
            body.accept(result, out);
        } catch (UncheckedIOException e) {
            throw new CadetException("cannot write " + what + ": " + AtomicFiles.describe(e), e);
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
