package dev.cadet.parsers;

import dev.cadet.parsers.internal.Peek;
import dev.cadet.parsers.internal.Sniffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The short look at an input's start, and when the long one is still needed. */
class SniffTest {

    private static final String RECORD = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-05-01T10:00:00Z\","
            + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\","
            + "\"resources\":[{\"ARN\":\"arn:aws:ec2:us-east-1:1:instance/i-1\"},{\"ARN\":\"x\"}]}";

    @Test
    void aRecordsFileIsToldFromItsFirstRecord() {
        byte[] json = ("{\"Records\":[" + RECORD + "," + RECORD + "," + RECORD + "]}").getBytes(StandardCharsets.UTF_8);
        Peek glance = Sniffer.glance(json, 0, json.length);
        assertThat(glance.cutShort()).isTrue();
        assertThat(glance.first().field("Records").firstItem().has("eventSource")).isTrue();
        assertThat(glance.first().complete()).isFalse();
        Peek peek = Sniffer.peek(json, 0, json.length);
        assertThat(peek.cutShort()).isFalse();
        assertThat(peek.first().complete()).isTrue();
        assertThat(Formats.detectFromFirstRecord(glance)).isSameAs(Formats.detect(peek));
        assertThat(Formats.detect(peek).name()).isEqualTo("cloudtrail-records");
    }

    @Test
    void recordsOneAfterAnotherNeedTheLongLookToTellLinesFromAStream() {
        // The first record holds an array of objects, so the short look stops inside it and cannot know
        // whether the record ends on its first line.
        byte[] json = (RECORD + "\n" + RECORD + "\n").getBytes(StandardCharsets.UTF_8);
        Peek glance = Sniffer.glance(json, 0, json.length);
        assertThat(glance.cutShort()).isTrue();
        assertThat(Formats.detectFromFirstRecord(glance)).isNull();
        Peek peek = Sniffer.peek(json, 0, json.length);
        assertThat(peek.firstOnOneLine()).isTrue();
        assertThat(peek.moreValues()).isTrue();
    }

    @Test
    void anEmptyArrayOrASingleValueIsNeverCutShort() {
        for (String text : new String[] {"[]", "{\"Records\":[]}", "{\"a\":{\"b\":[{\"c\":1},{}]}}", "[1, 2, 3]"}) {
            byte[] json = text.getBytes(StandardCharsets.UTF_8);
            Peek glance = Sniffer.glance(json, 0, json.length);
            assertThat(glance.cutShort()).as(text).isFalse();
            assertThat(glance).as(text).usingRecursiveComparison().isEqualTo(Sniffer.peek(json, 0, json.length));
        }
    }
}
