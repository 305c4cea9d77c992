package dev.cadet.reports;

import dev.cadet.model.ScanResult;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every output of one result in memory, keyed by file name. */
final class Render {

    private Render() {
    }

    static String markdown(ScanResult r) {
        StringWriter w = new StringWriter();
        Reports.markdown(r, w);
        return w.toString();
    }

    static String findings(ScanResult r) {
        StringWriter w = new StringWriter();
        Reports.findingsCsv(r, w);
        return w.toString();
    }

    static String incidents(ScanResult r) {
        StringWriter w = new StringWriter();
        Reports.incidentsCsv(r, w);
        return w.toString();
    }

    static String timeline(ScanResult r) {
        StringWriter w = new StringWriter();
        Reports.timelineCsv(r, w);
        return w.toString();
    }

    static String summary(ScanResult r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.summaryJson(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String findingsJsonl(ScanResult r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.findingsJsonl(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** File name to content, in the order writeAll writes them. */
    static Map<String, String> all(ScanResult r) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(Reports.REPORT_MD, markdown(r));
        all.put(Reports.FINDINGS_CSV, findings(r));
        all.put(Reports.INCIDENTS_CSV, incidents(r));
        all.put(Reports.TIMELINE_CSV, timeline(r));
        all.put(Reports.FINDINGS_JSONL, findingsJsonl(r));
        all.put(Reports.SUMMARY_JSON, summary(r));
        return all;
    }
}
