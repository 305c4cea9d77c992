package dev.cadet.parsers.internal.entra;

import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.FormatDetector;
import dev.cadet.parsers.internal.Peek;
import dev.cadet.parsers.internal.RecordFormat;
import dev.cadet.parsers.internal.RecordShapes;
import dev.cadet.parsers.internal.Sketch;

import java.util.Map;

/**
 * Recognises Entra ID sign-ins and directory audits that stand alone (Graph objects, Log Analytics rows).
 * Records inside an Azure Monitor envelope ({@code time}, {@code category}, {@code properties}) are the Azure
 * detector's: it reads the envelope and hands Entra categories to {@link EntraMapper}.
 */
public final class EntraDetector implements FormatDetector {

    private static final String NOUN = "Entra ID record";

    private static final RecordShapes SHAPES = new RecordShapes(EntraDetector::looksLikeEntra,
            // Microsoft Graph list output: {"@odata.context": ..., "value": [...]}.
            Map.of("value", RecordFormat.wrapped("entra-value", NOUN, "value", EntraReader::new)), false,
            RecordFormat.array("entra-array", NOUN, EntraReader::new),
            // Log Analytics JSON exports and Graph objects one per line, or one pretty-printed.
            RecordFormat.values("entra-jsonl", NOUN, true, EntraReader::new),
            RecordFormat.values("entra-jsonl", NOUN, false, EntraReader::new));

    @Override
    public Format detect(Peek peek) {
        return SHAPES.detect(peek);
    }

    /**
     * A directory audit ({@code activityDisplayName}, any case) or a sign-in ({@code createdDateTime} with the
     * user, app, address or status), and not an Azure Monitor envelope.
     */
    static boolean looksLikeEntra(Sketch s) {
        if (s.has("properties") && (s.has("operationName") || s.has("category"))) {
            return false;
        }
        if (s.hasIgnoreCase("activityDisplayName")) {
            return true;
        }
        return s.hasIgnoreCase("createdDateTime") && (s.hasIgnoreCase("userPrincipalName") || s.hasIgnoreCase("appId")
                || s.hasIgnoreCase("ipAddress") || s.hasIgnoreCase("status"));
    }

    @Override
    public String accepts() {
        return "Entra ID sign-in or audit records (Microsoft Graph 'value' lists, arrays, JSON Lines, "
                + "Log Analytics rows)";
    }
}
