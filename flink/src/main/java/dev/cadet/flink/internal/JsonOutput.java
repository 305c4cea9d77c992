package dev.cadet.flink.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.ContainmentStep;
import dev.cadet.model.Decision;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.Origin;
import dev.cadet.model.Reason;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The job's output folder: {@code findings.jsonl} and {@code incidents.jsonl} (one JSON object a line) and
 * {@code summary.json}. Every string, attacker-controlled or not, goes through the JSON generator, which
 * escapes control characters and, here, everything outside ASCII, so no terminal or editor showing the
 * files meets a raw control or bidirectional character. Each file is written under a temporary name and
 * renamed, so a reader never sees half a file.
 */
public final class JsonOutput {

    /** Late events listed by location in the summary; the rest are only counted. */
    static final int LATE_LISTED = 100;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .rootValueSeparator((SerializableString) null)
            .build();

    private JsonOutput() {
    }

    /** Writes the three files of the end of input into {@code folder} (created if missing), replacing earlier ones. */
    public static void write(String folder, List<Finding> findings, List<Incident> incidents,
                             Map<String, Origin> lateEvents) throws IOException {
        write(folder, findings, incidents, lateEvents, Long.MAX_VALUE);
    }

    /**
     * Writes the three files into {@code folder}, replacing earlier ones.
     *
     * @param asOf the event time the results are complete up to (the watermark); {@link Long#MAX_VALUE}
     *             for the end of input
     */
    public static void write(String folder, List<Finding> findings, List<Incident> incidents,
                             Map<String, Origin> lateEvents, long asOf) throws IOException {
        Path dir = new Path(folder);
        FileSystem fs = dir.getFileSystem();
        fs.mkdirs(dir);
        atomically(fs, new Path(dir, "findings.jsonl"), out -> {
            try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
                for (Finding f : findings) {
                    finding(g, f);
                    g.writeRaw('\n');
                }
            }
        });
        atomically(fs, new Path(dir, "incidents.jsonl"), out -> {
            try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
                for (Incident i : incidents) {
                    incident(g, i);
                    g.writeRaw('\n');
                }
            }
        });
        atomically(fs, new Path(dir, "summary.json"), out -> {
            try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
                summary(g, findings, incidents, lateEvents, asOf);
                g.writeRaw('\n');
            }
        });
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void atomically(FileSystem fs, Path target, Body body) throws IOException {
        Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try (FSDataOutputStream out = fs.create(temporary, FileSystem.WriteMode.OVERWRITE)) {
            body.write(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (fs.exists(target)) {
            fs.delete(target, false);
        }
        if (!fs.rename(temporary, target)) {
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
    }

    static void finding(JsonGenerator g, Finding f) {
        g.writeStartObject();
        g.writeStringProperty("id", f.id());
        g.writeStringProperty("detector", f.detector());
        g.writeStringProperty("severity", f.severity().name());
        g.writeStringProperty("firstSeen", iso(f.firstSeen()));
        g.writeStringProperty("lastSeen", iso(f.lastSeen()));
        g.writeStringProperty("provider", f.provider().name());
        g.writeStringProperty("principal", f.principal());
        optional(g, "accessKeyId", f.accessKeyId());
        optional(g, "sourceIp", f.sourceIp());
        g.writeStringProperty("action", f.action());
        strings(g, "targets", f.targets());
        g.writeStringProperty("summary", f.summary());
        g.writeArrayPropertyStart("evidence");
        for (CloudEvent e : f.evidence()) {
            g.writeStartObject();
            g.writeStringProperty("eventId", e.eventId());
            g.writeStringProperty("time", iso(e.time()));
            g.writeStringProperty("action", e.action());
            g.writeStringProperty("file", e.origin().file());
            g.writeNumberProperty("record", e.origin().record());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void incident(JsonGenerator g, Incident i) {
        g.writeStartObject();
        g.writeStringProperty("id", i.id());
        g.writeStringProperty("decision", i.decision().name());
        g.writeStringProperty("severity", i.severity().name());
        g.writeStringProperty("firstSeen", iso(i.firstSeen()));
        g.writeStringProperty("lastSeen", iso(i.lastSeen()));
        strings(g, "principals", i.principals());
        strings(g, "accessKeys", i.accessKeys());
        strings(g, "sourceIps", i.sourceIps());
        strings(g, "targets", i.targets());
        strings(g, "findings", i.findings().stream().map(Finding::id).toList());
        g.writeArrayPropertyStart("reasons");
        for (Reason r : i.reasons()) {
            g.writeStartObject();
            g.writeStringProperty("rule", r.rule());
            g.writeStringProperty("text", r.text());
            strings(g, "findings", r.findingIds());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("containment");
        for (ContainmentStep s : i.containment()) {
            g.writeStartObject();
            g.writeStringProperty("description", s.description());
            optional(g, "command", s.command());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, List<Finding> findings, List<Incident> incidents,
                                Map<String, Origin> lateEvents, long asOf) {
        Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
        for (Decision d : Decision.values()) {
            decisions.put(d, 0);
        }
        incidents.forEach(i -> decisions.merge(i.decision(), 1, Integer::sum));
        g.writeStartObject();
        // Interim results: later findings may still join an incident or change its decision, and ids move.
        g.writeBooleanProperty("complete", asOf == Long.MAX_VALUE);
        if (asOf != Long.MAX_VALUE) {
            g.writeStringProperty("asOf", Instant.ofEpochMilli(asOf).toString());
        }
        g.writeNumberProperty("findings", findings.size());
        g.writeNumberProperty("incidents", incidents.size());
        g.writeObjectPropertyStart("decisions");
        decisions.forEach((d, n) -> g.writeNumberProperty(d.name(), n));
        g.writeEndObject();
        g.writeNumberProperty("lateEvents", lateEvents.size());
        g.writeArrayPropertyStart("lateEventsListed");
        int listed = 0;
        for (Map.Entry<String, Origin> e : lateEvents.entrySet()) {
            if (listed++ == LATE_LISTED) {
                break;
            }
            g.writeStartObject();
            g.writeStringProperty("event", e.getKey());
            g.writeStringProperty("file", e.getValue().file());
            g.writeNumberProperty("record", e.getValue().record());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void optional(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
