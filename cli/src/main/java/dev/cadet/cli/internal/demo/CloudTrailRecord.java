package dev.cadet.cli.internal.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudTrail record under construction, in the field order CloudTrail writes. Values are
 * {@code String}, {@code Boolean}, {@code Number}, {@code null}, {@link List} or nested {@link Map}.
 */
final class CloudTrailRecord {

    final long time;
    final String region;
    final Map<String, Object> fields = new LinkedHashMap<>();

    CloudTrailRecord(long time, String region, String eventId, Map<String, Object> userIdentity, String source,
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

    CloudTrailRecord request(Object... keyValues) {
        fields.put("requestParameters", map(keyValues));
        return this;
    }

    CloudTrailRecord response(Object... keyValues) {
        fields.put("responseElements", map(keyValues));
        return this;
    }

    CloudTrailRecord additional(Object... keyValues) {
        fields.put("additionalEventData", map(keyValues));
        return this;
    }

    CloudTrailRecord error(String code, String message) {
        fields.put("errorCode", code);
        fields.put("errorMessage", message);
        return this;
    }

    CloudTrailRecord set(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** A JSON object from alternating keys and values, in order. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
