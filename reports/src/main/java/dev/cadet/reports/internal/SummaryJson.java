package dev.cadet.reports.internal;

import dev.cadet.model.Coverage;
import dev.cadet.model.CoverageGap;
import dev.cadet.model.FileReport;
import dev.cadet.model.Incident;
import dev.cadet.model.InputReport;
import dev.cadet.model.ScanResult;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code summary.json}: the numbers a script or dashboard needs, keys always present and always in
 * the same order, pretty-printed with two spaces and LF line ends, UTF-8.
 */
public final class SummaryJson {

    /** The top-level keys, in the order they are written. */
    public static final List<String> KEYS = List.of("files", "records_read", "events", "skipped", "quarantined",
            "duplicates", "late", "findings_by_detector", "incidents_by_decision", "incidents", "quarantine_reasons",
            "coverage", "file_errors", "filter");

    /** Pretty printing with a fixed line end, so the bytes do not depend on the platform. */
    private static final ObjectWriteContext CONTEXT = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(indenter)
                    .withArrayIndenter(indenter);
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private SummaryJson() {
    }

    /**
     * Writes the summary and a final line feed; the stream is flushed, not closed. An I/O failure
     * surfaces as {@link UncheckedIOException}, as with the other writers.
     */
    public static void write(ScanResult result, OutputStream out) {
        try {
            generate(result, out);
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
        try {
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void generate(ScanResult result, OutputStream out) {
        ScanIndex index = new ScanIndex(result);
        InputReport in = result.input();
        try (JsonGenerator g = JsonText.FACTORY.createGenerator(CONTEXT, out)) {
            g.writeStartObject();
            g.writeNumberProperty("files", in.files().size());
            g.writeNumberProperty("records_read", in.records());
            g.writeNumberProperty("events", in.events());
            g.writeNumberProperty("skipped", in.skipped());
            g.writeNumberProperty("quarantined", in.quarantined());
            g.writeNumberProperty("duplicates", result.pipeline().duplicates());
            g.writeNumberProperty("late", result.pipeline().late());
            counts(g, "findings_by_detector", index.findingsByDetector());
            g.writeName("incidents_by_decision");
            g.writeStartObject();
            index.incidentsByDecision().forEach((d, n) -> g.writeNumberProperty(d.name(), n));
            g.writeEndObject();
            incidents(g, index.incidentsById());
            Map<String, Long> reasons = new TreeMap<>();
            in.rejects().forEach(r -> reasons.merge(JsonText.value(r.reason()), 1L, Long::sum));
            counts(g, "quarantine_reasons", reasons);
            coverage(g, result.coverage());
            g.writeArrayPropertyStart("file_errors");
            for (FileReport f : in.filesWithErrors()) {
                g.writeStartObject();
                string(g, "file", f.file());
                string(g, "error", f.error());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("filter");
            g.writeStartObject();
            g.writeArrayPropertyStart("criteria");
            for (String c : result.filter().criteria()) {
                g.writeString(JsonText.value(c));
            }
            g.writeEndArray();
            g.writeNumberProperty("excluded", result.filter().excluded());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void counts(JsonGenerator g, String name, Map<String, Long> counts) {
        g.writeName(name);
        g.writeStartObject();
        counts.forEach((k, n) -> g.writeNumberProperty(JsonText.value(k), n));
        g.writeEndObject();
    }

    private static void incidents(JsonGenerator g, List<Incident> incidents) {
        g.writeArrayPropertyStart("incidents");
        for (Incident i : incidents) {
            g.writeStartObject();
            string(g, "id", i.id());
            string(g, "decision", i.decision().name());
            string(g, "severity", i.severity().name());
            g.writeArrayPropertyStart("principals");
            for (String p : i.principals()) {
                g.writeString(JsonText.value(p));
            }
            g.writeEndArray();
            string(g, "first_seen", Text.time(i.firstSeen()));
            string(g, "last_seen", Text.time(i.lastSeen()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void coverage(JsonGenerator g, List<Coverage> coverage) {
        g.writeArrayPropertyStart("coverage");
        for (Coverage c : coverage) {
            g.writeStartObject();
            string(g, "provider", c.provider().name());
            string(g, "account", c.account());
            string(g, "region", c.region());
            string(g, "first_seen", Text.time(c.firstSeen()));
            string(g, "last_seen", Text.time(c.lastSeen()));
            g.writeNumberProperty("events", c.events());
            g.writeArrayPropertyStart("gaps");
            for (CoverageGap gap : c.gaps()) {
                g.writeStartObject();
                string(g, "from", Text.time(gap.from()));
                string(g, "to", Text.time(gap.to()));
                g.writeNumberProperty("hours", gap.hours());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A string property; {@code null} is written as JSON null so that the key is always there. */
    private static void string(JsonGenerator g, String name, String value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(JsonText.value(value));
        }
    }
}
