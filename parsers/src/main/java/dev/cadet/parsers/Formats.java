package dev.cadet.parsers;

import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.FormatDetector;
import dev.cadet.parsers.internal.Peek;
import dev.cadet.parsers.internal.Sketch;
import dev.cadet.parsers.internal.Texts;
import dev.cadet.parsers.internal.aws.CloudTrailCsv;
import dev.cadet.parsers.internal.aws.CloudTrailDetector;
import dev.cadet.parsers.internal.azure.AzureCsv;
import dev.cadet.parsers.internal.azure.AzureDetector;
import dev.cadet.parsers.internal.csv.CsvDetector;
import dev.cadet.parsers.internal.csv.CsvHeader;
import dev.cadet.parsers.internal.entra.EntraDetector;
import dev.cadet.parsers.internal.gcp.GcpDetector;
import dev.cadet.parsers.internal.ssm.SsmHistoryDetector;

import java.util.List;
import java.util.stream.Collectors;

/** The providers the reader knows, asked in order. A new provider is one more detector here. */
final class Formats {

    /** Reported for an input with no content at all (0 bytes, whitespace, or an empty JSON array). */
    static final String EMPTY = "empty";
    /** Reported for content no detector recognised. */
    static final String UNKNOWN = "unknown";

    /**
     * First match wins. Entra before Azure: a Log Analytics audit row has an operation name and a time, like an
     * Azure record, but also {@code ActivityDisplayName}, which no Azure record has. CSV last: it is asked only
     * about content that is not JSON.
     */
    private static final List<FormatDetector> DETECTORS = List.of(new CloudTrailDetector(), new SsmHistoryDetector(),
            new EntraDetector(), new AzureDetector(), new GcpDetector(),
            new CsvDetector(List.of(CloudTrailCsv.layout(), AzureCsv.logAnalytics(), AzureCsv.portal())));
    private static final int NAMES_SHOWN = 8;
    private static final int COLUMNS_SHOWN = 16;

    private Formats() {
    }

    /** The format of the input, or {@code null} when no detector knows it. */
    static Format detect(Peek peek) {
        for (FormatDetector detector : DETECTORS) {
            Format format = detector.detect(peek);
            if (format != null) {
                return format;
            }
        }
        return null;
    }

    /**
     * The format of an input from a peek cut short after its first record, or {@code null} when that is not
     * enough: when no detector knows it, or when the answer depends on whether the first value ends on its
     * first line, which a cut-short peek does not know.
     */
    static Format detectFromFirstRecord(Peek peek) {
        Format format = detect(peek.withFirstOnOneLine(false));
        return format != null && format == detect(peek.withFirstOnOneLine(true)) ? format : null;
    }

    /** The error of an unrecognised input: what was seen, and what would have been accepted. */
    static String unknown(Peek peek) {
        String accepted = DETECTORS.stream().map(FormatDetector::accepts).collect(Collectors.joining("; or "));
        return "unknown format: found " + seen(peek) + "; expected " + accepted;
    }

    private static String seen(Peek peek) {
        String shape = shape(peek);
        Sketch first = peek.first();
        boolean container = first != null && (first.isObject() || first.isArray());
        return container && peek.syntaxError() != null ? shape + ", then malformed JSON (" + peek.syntaxError() + ")"
                : shape;
    }

    private static String shape(Peek peek) {
        if (peek.binary() != null) {
            return "a " + peek.binary() + " (unpack it first)";
        }
        Sketch first = peek.first();
        if (first == null || !(first.isObject() || first.isArray())) {
            List<String> columns = CsvDetector.header(peek);
            if (columns != null) {
                return "a CSV file with " + Texts.count(columns.size(), "column") + ": "
                        + CsvHeader.describe(columns, COLUMNS_SHOWN);
            }
            // A lone string or number at the top level is what a text file looks like to a JSON parser.
            return "text that is not JSON, starting with " + Texts.quote(peek.preview(), 82);
        }
        if (first.isObject()) {
            return "a JSON object with " + names(first);
        }
        Sketch item = first.firstItem();
        if (item == null) {
            return "a JSON array";
        }
        return item.isObject() ? "a JSON array of objects with " + names(item)
                : "a JSON array of " + Texts.describe(item.token()).replaceFirst("^an? ", "") + "s";
    }

    private static String names(Sketch object) {
        List<String> names = List.copyOf(object.fieldNames());
        if (names.isEmpty()) {
            return "no fields";
        }
        String shown = names.stream().limit(NAMES_SHOWN).map(n -> Texts.cap(n, 40))
                .collect(Collectors.joining(", "));
        return (names.size() == 1 ? "field " : "fields ") + shown + (names.size() > NAMES_SHOWN ? ", ..." : "");
    }
}
