package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.FileReport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test helpers: read bytes or text with a reader and keep everything it produced. */
final class Reads {

    private Reads() {
    }

    /** What one read produced. */
    record Outcome(FileResult result, List<CloudEvent> events) {

        FileReport report() {
            return result.report();
        }

        CloudEvent only() {
            if (events.size() != 1) {
                throw new AssertionError("expected one event, got " + events.size() + ": " + result);
            }
            return events.get(0);
        }
    }

    static Outcome read(LogReader reader, String name, byte[] content) {
        List<CloudEvent> events = new ArrayList<>();
        FileResult result = reader.read(new ByteArrayInputStream(content), name, events::add);
        return new Outcome(result, events);
    }

    static Outcome read(String name, String content) {
        return read(LogReader.create(), name, utf8(content));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A minimal valid CloudTrail record with the given extra members spliced in. */
    static String record(String eventSource, String eventName, String extra) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\",\"userName\":\"alice\"},"
                + "\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"" + eventSource + "\",\"eventName\":\""
                + eventName + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.10\","
                + "\"eventID\":\"ev-" + eventName + "\",\"recipientAccountId\":\"111122223333\""
                + (extra == null || extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
