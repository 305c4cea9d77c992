package dev.cadet.parsers.internal.azure;

import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.FormatDetector;
import dev.cadet.parsers.internal.Peek;
import dev.cadet.parsers.internal.RecordFormat;
import dev.cadet.parsers.internal.RecordShapes;
import dev.cadet.parsers.internal.Sketch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises Azure Monitor records (the Activity Log, and Entra sign-in and audit logs in the same
 * diagnostic envelope) from the property names at their start, in any case. Each record is read by an
 * {@link AzureReader}.
 */
public final class AzureDetector implements FormatDetector {

    private static final String NOUN = "Azure record";

    /** Members that only an Azure record has next to an operation name. */
    private static final String[] ENVELOPE = {"time", "eventTimestamp", "TimeGenerated", "category", "resourceId",
            "correlationId", "caller", "resultType", "status", "properties", "eventDataId", "callerIpAddress"};

    private static final RecordShapes SHAPES = new RecordShapes(AzureDetector::looksLikeRecord, wrappers(), true,
            // az monitor activity-log list output.
            RecordFormat.array("azure-array", NOUN, AzureReader::new),
            // Event Hub consumers and Elastic write one record per line; documentation shows one pretty-printed.
            RecordFormat.values("azure-jsonl", NOUN, true, AzureReader::new),
            RecordFormat.values("azure-jsonl", NOUN, false, AzureReader::new));

    private static Map<String, Format> wrappers() {
        Map<String, Format> wrappers = new LinkedHashMap<>();
        // Diagnostic settings export, per file (PT1H.json) or per line.
        wrappers.put("records", RecordFormat.wrapped("azure-records", NOUN, "records", AzureReader::new));
        // REST API list output, with nextLink.
        wrappers.put("value", RecordFormat.wrapped("azure-value", NOUN, "value", AzureReader::new));
        return wrappers;
    }

    @Override
    public Format detect(Peek peek) {
        return SHAPES.detect(peek);
    }

    /**
     * An operation name with one of the envelope's members, or a time with a category or resource id (the
     * common schema of Azure Monitor: {@code time}, {@code resourceId}, {@code operationName}, {@code category}).
     */
    static boolean looksLikeRecord(Sketch s) {
        if (s.hasIgnoreCase("OperationNameValue")) {
            return true;
        }
        if (s.hasIgnoreCase("operationName")) {
            for (String member : ENVELOPE) {
                if (s.hasIgnoreCase(member)) {
                    return true;
                }
            }
        }
        boolean time = s.hasIgnoreCase("time") || s.hasIgnoreCase("eventTimestamp");
        // Datadog's Azure pipeline keeps resourceId and moves the operation and outcome into "evt".
        return (time && (s.hasIgnoreCase("category") || s.hasIgnoreCase("resourceId")))
                || (s.has("evt") && s.hasIgnoreCase("resourceId"));
    }

    @Override
    public String accepts() {
        return "Azure Activity Log JSON (a diagnostic 'records' export, REST 'value' output, "
                + "'az monitor activity-log list' output, JSON Lines or single records)";
    }
}
