package dev.cadet.cli.internal.demo;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudTrail record under construction, in the field order CloudTrail writes. Values are
 * {@code String}, {@code Boolean}, {@code Number}, {@code null}, {@link List} or nested {@link Map}.
 * Shared by the demo week and the corpus generator.
 */
public final class CloudTrailRecord {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

    final long time;
    final String region;
    final Map<String, Object> fields = new LinkedHashMap<>();

    public CloudTrailRecord(long time, String region, String eventId, Map<String, Object> userIdentity, String source,
                     String name, String sourceIp, String userAgent) {
        this.time = time - Math.floorMod(time, 1000L); // CloudTrail writes whole seconds
        this.region = region;
        fields.put("eventVersion", "1.09");
        fields.put("userIdentity", userIdentity);
        fields.put("eventTime", Instant.ofEpochMilli(this.time).toString());
        fields.put("eventSource", source);
        fields.put("eventName", name);
        fields.put("awsRegion", region);
        fields.put("sourceIPAddress", sourceIp);
        fields.put("userAgent", userAgent);
        fields.put("requestParameters", null);
        fields.put("responseElements", null);
        fields.put("requestID", eventId.substring(0, 8) + "-req-" + eventId.substring(24));
        fields.put("eventID", eventId);
        fields.put("readOnly", name.startsWith("Describe") || name.startsWith("Get") || name.startsWith("List"));
        fields.put("eventType", "signin.amazonaws.com".equals(source) ? "AwsConsoleSignIn" : "AwsApiCall");
        fields.put("managementEvent", true);
        fields.put("recipientAccountId", DemoData.ACCOUNT);
        fields.put("eventCategory", "Management");
    }

    public CloudTrailRecord request(Object... keyValues) {
        fields.put("requestParameters", map(keyValues));
        return this;
    }

    public CloudTrailRecord response(Object... keyValues) {
        fields.put("responseElements", map(keyValues));
        return this;
    }

    public CloudTrailRecord additional(Object... keyValues) {
        fields.put("additionalEventData", map(keyValues));
        return this;
    }

    public CloudTrailRecord error(String code, String message) {
        fields.put("errorCode", code);
        fields.put("errorMessage", message);
        return this;
    }

    public CloudTrailRecord set(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** A JSON object from alternating keys and values, in order. */
    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** Event time, epoch millis, whole seconds. */
    public long time() {
        return time;
    }

    /** A value set so far, or {@code null}. */
    public Object get(String key) {
        return fields.get(key);
    }

    /**
     * Where CloudTrail delivers a log file, relative to the bucket:
     * {@code AWSLogs/<account>/CloudTrail/<region>/yyyy/MM/dd/<account>_CloudTrail_<region>_<yyyyMMdd'T'HHmm'Z'>_<unique>.json.gz}.
     */
    public static String deliveryPath(String account, String region, long deliveredMillis, String unique,
                                      boolean gzip) {
        ZonedDateTime at = Instant.ofEpochMilli(deliveredMillis).atZone(ZoneOffset.UTC);
        return "AWSLogs/" + account + "/CloudTrail/" + region + "/" + at.format(FOLDER) + "/" + account
                + "_CloudTrail_" + region + "_" + at.format(STAMP) + "_" + unique + (gzip ? ".json.gz" : ".json");
    }

    /** Writes an S3 delivery file body, {@code {"Records":[...]}}, in list order. */
    public static void writeFile(List<CloudTrailRecord> records, OutputStream out) {
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeName("Records");
            g.writeStartArray();
            for (CloudTrailRecord r : records) {
                writeValue(g, r.fields);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeValue(JsonGenerator g, Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeName((String) e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }
}
