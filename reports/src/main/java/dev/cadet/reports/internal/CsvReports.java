package dev.cadet.reports.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.Reason;
import dev.cadet.model.ScanResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code findings.csv}, {@code incidents.csv} and {@code timeline.csv}: RFC 4180 with a header row,
 * CRLF between records, lists inside a cell joined with {@code ;}, times as ISO-8601 UTC with
 * milliseconds, every cell passed through {@link CsvText#cell}.
 */
public final class CsvReports {

    /** RFC 4180: comma, double quote, CRLF; quotes only where needed. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    public static final List<String> FINDINGS_HEADER = List.of("finding_id", "detector", "severity", "time",
            "provider", "principal", "action", "source_ip", "targets", "incident_id", "last_seen", "access_key_id",
            "summary", "evidence");

    public static final List<String> INCIDENTS_HEADER = List.of("incident_id", "decision", "severity", "principals",
            "first_seen", "last_seen", "reasons", "access_keys", "source_ips", "targets", "finding_ids", "reason_text");

    public static final List<String> TIMELINE_HEADER = List.of("time", "incident_ids", "finding_ids", "provider",
            "kind", "action", "outcome", "error_code", "error_message", "principal", "principal_type",
            "access_key_id", "mfa", "source_ip", "service_host", "user_agent", "country", "city", "targets",
            "subject", "account", "region", "document", "command_id", "command_text", "event_id", "correlation_id",
            "file", "record", "line");

    private static final String LIST_SEPARATOR = ";";

    private CsvReports() {
    }

    /** One row per finding, by id. */
    public static void findings(ScanResult result, Writer out) {
        ScanIndex index = new ScanIndex(result);
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : index.findingsById()) {
            rows.add(List.of(nz(f.id()), f.detector(), f.severity().name(), Text.time(f.firstSeen()),
                    f.provider().name(), f.principal(), f.action(), nz(f.sourceIp()), join(f.targets()),
                    join(index.incidentsOf(f)), Text.time(f.lastSeen()), nz(f.accessKeyId()), f.summary(),
                    join(f.evidence().stream().map(e -> Text.location(e.origin())).toList())));
        }
        print(out, FINDINGS_HEADER, rows);
    }

    /** One row per incident, by id. */
    public static void incidents(ScanResult result, Writer out) {
        ScanIndex index = new ScanIndex(result);
        List<List<String>> rows = new ArrayList<>();
        for (Incident i : index.incidentsById()) {
            rows.add(List.of(i.id(), i.decision().name(), i.severity().name(), join(i.principals()),
                    Text.time(i.firstSeen()), Text.time(i.lastSeen()),
                    join(i.reasons().stream().map(Reason::rule).toList()), join(i.accessKeys()),
                    join(i.sourceIps()), join(i.targets()), join(i.findings().stream().map(f -> nz(f.id())).toList()),
                    String.join("\n", i.reasons().stream().map(Reason::text).toList())));
        }
        print(out, INCIDENTS_HEADER, rows);
    }

    /** One row per evidence event, in time order, with the findings and incidents it supports. */
    public static void timeline(ScanResult result, Writer out) {
        List<List<String>> rows = new ArrayList<>();
        for (ScanIndex.TimelineEntry t : new ScanIndex(result).timeline()) {
            CloudEvent e = t.event();
            var c = e.command();
            rows.add(List.of(Text.time(e.time()), join(t.incidentIds()), join(t.findingIds()), e.provider().name(),
                    e.kind().name(), e.action(), e.outcome().name(), nz(e.errorCode()), nz(e.errorMessage()),
                    e.principal(), e.actor().type().name(), nz(e.actor().accessKeyId()), e.actor().mfa().name(),
                    nz(e.source().ip()), nz(e.source().serviceHost()), nz(e.source().userAgent()),
                    nz(e.source().country()), nz(e.source().city()), join(e.targets()), nz(e.subject()),
                    nz(e.cloud().account()), nz(e.cloud().region()), c == null ? "" : nz(c.document()),
                    c == null ? "" : nz(c.commandId()), c == null ? "" : String.join("\n", c.lines()), e.eventId(),
                    nz(e.correlationId()), e.origin().file(), Long.toString(e.origin().record()),
                    e.origin().line() > 0 ? Long.toString(e.origin().line()) : ""));
        }
        print(out, TIMELINE_HEADER, rows);
    }

    private static void print(Writer out, List<String> header, List<List<String>> rows) {
        try {
            // Not closed: the writer belongs to the caller.
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvText::cell).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String join(List<String> items) {
        return String.join(LIST_SEPARATOR, items);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
