package dev.cadet.parsers.internal.aws;

import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.FormatDetector;
import dev.cadet.parsers.internal.Peek;
import dev.cadet.parsers.internal.Sketch;

/**
 * Recognises CloudTrail content from the property names at its start, never from a file name. Order
 * matters: wrappers ({@code Records}, {@code Events}, EventBridge, digest) are tried before raw records,
 * because a raw record has none of their members.
 */
public final class CloudTrailDetector implements FormatDetector {

    private static final CloudTrailFormat RECORDS = new CloudTrailFormat(CloudTrailFormat.Shape.RECORDS, false);
    private static final CloudTrailFormat LOOKUP = new CloudTrailFormat(CloudTrailFormat.Shape.LOOKUP_EVENTS, false);
    private static final CloudTrailFormat ARRAY = new CloudTrailFormat(CloudTrailFormat.Shape.ARRAY, false);

    @Override
    public Format detect(Peek peek) {
        Sketch first = peek.first();
        if (first == null) {
            return null;
        }
        if (first.isObject()) {
            return object(first, peek.firstOnOneLine());
        }
        if (first.isArray()) {
            Sketch item = first.firstItem();
            return item != null && item.isObject() && looksLikeRecord(item) ? ARRAY : null;
        }
        return null;
    }

    private static Format object(Sketch first, boolean lines) {
        if (first.has("Records")) {
            return RECORDS;
        }
        Sketch events = first.field("Events");
        if (events != null && events.isArray()) {
            Sketch item = events.firstItem();
            if (item == null || (item.isObject() && (item.has("CloudTrailEvent")
                    || (item.has("EventId") && item.has("EventName"))))) {
                return LOOKUP;
            }
        }
        if (first.has("detail-type") && first.has("detail")) {
            return new CloudTrailFormat(CloudTrailFormat.Shape.EVENTBRIDGE, lines);
        }
        if (first.has("digestStartTime") || first.has("digestS3Object")) {
            return new CloudTrailFormat(CloudTrailFormat.Shape.DIGEST, lines);
        }
        if (looksLikeRecord(first)) {
            return new CloudTrailFormat(CloudTrailFormat.Shape.JSONL, lines);
        }
        return null;
    }

    /**
     * A raw CloudTrail event: {@code eventSource} with {@code eventName}, {@code eventTime} or
     * {@code eventVersion}, or {@code eventVersion} with {@code eventTime}. Azure, GCP and Entra records
     * carry none of these pairs.
     */
    static boolean looksLikeRecord(Sketch s) {
        boolean source = s.has("eventSource");
        boolean version = s.has("eventVersion");
        boolean time = s.has("eventTime");
        return (source && (s.has("eventName") || time || version)) || (version && time);
    }

    @Override
    public String accepts() {
        return "CloudTrail JSON (an S3 'Records' file, JSON Lines or an array of records, a single record, "
                + "'aws cloudtrail lookup-events' output, EventBridge events or a digest file)";
    }
}
