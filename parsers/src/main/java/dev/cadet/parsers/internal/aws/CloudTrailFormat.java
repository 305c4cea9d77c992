package dev.cadet.parsers.internal.aws;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.Json;
import dev.cadet.parsers.internal.JsonInput;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.RecordException;
import dev.cadet.parsers.internal.RecordStreams;
import dev.cadet.parsers.internal.Texts;
import dev.cadet.parsers.internal.ValueReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.io.IOException;

/** The shapes CloudTrail events come in. Each walks its container and hands every record to a {@link CloudTrailReader}. */
final class CloudTrailFormat implements Format {

    /** How records sit in the input. */
    enum Shape {
        /** S3 delivery file: {@code {"Records": [...]}}, possibly several such objects in a row. */
        RECORDS("cloudtrail-records"),
        /** {@code aws cloudtrail lookup-events} output: {@code {"Events": [{"CloudTrailEvent": "<json>"}]}}. */
        LOOKUP_EVENTS("cloudtrail-lookup-events"),
        /** EventBridge events ("AWS API Call via CloudTrail"), the record in {@code detail}. */
        EVENTBRIDGE("cloudtrail-eventbridge"),
        /** Digest files: recognised, each skipped by rule. */
        DIGEST("cloudtrail-digest"),
        /** Raw records one after another: a single record, JSON Lines, or concatenated objects. */
        JSONL("cloudtrail-jsonl"),
        /** A top-level JSON array of raw records. */
        ARRAY("cloudtrail-array");

        private final String formatName;

        Shape(String formatName) {
            this.formatName = formatName;
        }
    }

    private final Shape shape;
    /** Top-level values one per line: each line parsed alone so that a bad line costs only itself. */
    private final boolean lines;

    CloudTrailFormat(Shape shape, boolean lines) {
        this.shape = shape;
        this.lines = lines;
    }

    Shape shape() {
        return shape;
    }

    boolean lineByLine() {
        return lines;
    }

    @Override
    public String name() {
        return shape.formatName;
    }

    @Override
    public String recordNoun() {
        return "CloudTrail record";
    }

    @Override
    public void read(JsonInput in, ReadSession session) throws IOException {
        CloudTrailReader records = new CloudTrailReader(session);
        switch (shape) {
            case RECORDS -> RecordStreams.wrapped(in, session, records, "Records");
            case LOOKUP_EVENTS -> RecordStreams.wrapped(in, session, lookupItem(records), "Events");
            case EVENTBRIDGE -> RecordStreams.values(in, session, envelope(records), lines);
            case DIGEST -> RecordStreams.values(in, session, (p, t, origin) -> {
                p.skipChildren();
                return null;
            }, lines);
            case JSONL -> RecordStreams.values(in, session, records, lines);
            case ARRAY -> RecordStreams.arrays(in, session, records);
        }
    }

    /**
     * One {@code Events} item: the record is the JSON text in {@code CloudTrailEvent} (an object there is
     * accepted too). The origin stays on the item, where an analyst finds it in the file.
     */
    private static ValueReader lookupItem(CloudTrailReader records) {
        return (p, first, origin) -> {
            if (first != JsonToken.START_OBJECT) {
                p.skipChildren();
                throw new RecordException("Events item is not a JSON object (found " + Texts.describe(first)
                        + "); expected an object with a 'CloudTrailEvent' string");
            }
            JsonToken found = null;
            String embedded = null;
            boolean inlineRead = false;
            CloudEvent inline = null;
            RecordException inlineProblem = null;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken v = p.nextToken();
                if (!"CloudTrailEvent".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                found = v;
                if (v == JsonToken.VALUE_STRING) {
                    embedded = p.getString();
                } else if (v == JsonToken.START_OBJECT) {
                    inlineRead = true;
                    try {
                        inline = records.read(p, v, origin);
                    } catch (RecordException e) {
                        inlineProblem = e;
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (inlineProblem != null) {
                throw inlineProblem;
            }
            if (inlineRead) {
                return inline;
            }
            if (found == null || found == JsonToken.VALUE_NULL) {
                throw new RecordException("missing required field 'CloudTrailEvent'");
            }
            if (embedded == null) {
                throw new RecordException("field 'CloudTrailEvent' must be a string holding the event's JSON, found "
                        + Texts.describe(found));
            }
            return embedded(records, embedded, origin);
        };
    }

    private static CloudEvent embedded(CloudTrailReader records, String json, Origin origin) {
        try (JsonParser ep = Json.parser(json)) {
            JsonToken t = ep.nextToken();
            if (t == null) {
                throw new RecordException("field 'CloudTrailEvent' is empty; expected the event's JSON");
            }
            CloudEvent event = records.read(ep, t, origin);
            if (ep.nextToken() != null) {
                throw new RecordException("field 'CloudTrailEvent' has content after the event at column "
                        + Texts.number(ep.currentTokenLocation().getColumnNr()));
            }
            return event;
        } catch (JacksonException e) {
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new RecordException("field 'CloudTrailEvent' is not valid JSON (at column " + Texts.number(column)
                    + " of the string): " + Texts.parserMessage(e));
        }
    }

    /**
     * One EventBridge event. Events whose {@code detail-type} is not a CloudTrail one (instance state changes,
     * Insights) are skipped by rule: they are not audit records.
     */
    private static ValueReader envelope(CloudTrailReader records) {
        return (p, first, origin) -> {
            if (first != JsonToken.START_OBJECT) {
                p.skipChildren();
                throw new RecordException("EventBridge event is not a JSON object (found " + Texts.describe(first)
                        + "); expected an object with 'detail-type' and 'detail'");
            }
            String detailType = null;
            boolean detailSeen = false;
            CloudEvent event = null;
            RecordException problem = null;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken v = p.nextToken();
                if ("detail-type".equals(name)) {
                    detailType = v == JsonToken.VALUE_STRING ? p.getString() : null;
                    p.skipChildren();
                } else if ("detail".equals(name)) {
                    detailSeen = v != JsonToken.VALUE_NULL;
                    if (v == JsonToken.START_OBJECT) {
                        try {
                            event = records.read(p, v, origin);
                        } catch (RecordException e) {
                            problem = e;
                        }
                    } else {
                        p.skipChildren();
                        problem = new RecordException("field 'detail' is " + Texts.describe(v)
                                + "; expected the CloudTrail event object");
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (detailType != null && !carriesCloudTrail(detailType)) {
                return null;
            }
            if (!detailSeen) {
                throw new RecordException("missing required field 'detail'");
            }
            if (problem != null) {
                throw problem;
            }
            return event;
        };
    }

    /** "AWS API Call via CloudTrail", "AWS Console Sign In via CloudTrail"...; Insights have another shape. */
    static boolean carriesCloudTrail(String detailType) {
        return detailType.endsWith("via CloudTrail") && !detailType.startsWith("AWS Insight");
    }
}
