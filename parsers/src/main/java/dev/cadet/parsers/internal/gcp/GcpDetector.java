package dev.cadet.parsers.internal.gcp;

import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.FormatDetector;
import dev.cadet.parsers.internal.Peek;
import dev.cadet.parsers.internal.RecordFormat;
import dev.cadet.parsers.internal.RecordShapes;
import dev.cadet.parsers.internal.Sketch;

import java.util.Map;

/** Recognises Cloud Logging entries that hold audit logs ({@code protoPayload}) from the names at their start. */
public final class GcpDetector implements FormatDetector {

    private static final String NOUN = "GCP log entry";

    private static final RecordShapes SHAPES = new RecordShapes(GcpDetector::looksLikeEntry,
            // Logging API entries:list output: {"entries": [...], "nextPageToken": ...}.
            Map.of("entries", RecordFormat.wrapped("gcp-entries", NOUN, "entries", GcpReader::new)), false,
            // gcloud logging read --format=json.
            RecordFormat.array("gcp-array", NOUN, GcpReader::new),
            // Log sinks to storage or Pub/Sub write one entry per line.
            RecordFormat.values("gcp-jsonl", NOUN, true, GcpReader::new),
            RecordFormat.values("gcp-jsonl", NOUN, false, GcpReader::new));

    @Override
    public Format detect(Peek peek) {
        return SHAPES.detect(peek);
    }

    /** An audit entry: a {@code protoPayload} object, or the entry members {@code logName} and {@code insertId}. */
    static boolean looksLikeEntry(Sketch s) {
        Sketch payload = s.field("protoPayload");
        return (payload != null && payload.isObject()) || (s.has("logName") && s.has("insertId"));
    }

    @Override
    public String accepts() {
        return "GCP Cloud Audit Logs ('gcloud logging read --format=json' arrays, sink JSON Lines, "
                + "Logging API 'entries' output)";
    }
}
