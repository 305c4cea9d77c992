package dev.cadet.cli;

import dev.cadet.cli.internal.demo.DemoData;
import dev.cadet.detectors.DetectionConfig;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.LogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan's merge: files opened by the time they start, not by their path. */
class ScanJobTest {

    private static ScanResult scan(List<Path> inputs, int threads) {
        return new ScanJob(LogReader.create(), DetectionConfig.defaults(), threads,
                new ByteArrayInputStream(new byte[0])).run(inputs);
    }

    @Test
    void regionFoldersThatSortAWeekApartAreMergedInEventTime(@TempDir Path dir) {
        // The demo week's paths sort by region first, so a week of us-east-1 comes before eu-west-1's Monday.
        new DemoData(DemoData.DEFAULT_SEED).writeTo(dir);
        ScanResult result = scan(List.of(dir), 1);
        assertThat(result.pipeline().late()).isZero();
        assertThat(result.pipeline().analysed()).isEqualTo(result.input().events());
    }

    @Test
    void aFileThatStartsLaterThanItsEarliestEventCostsOnlyThatFilesOldEvents(@TempDir Path dir) throws IOException {
        // b.json's first 128 KB hold records of 04:00 only, its last record is of 01:00: the merge opens
        // it by its first records, so the old event arrives after the watermark passed it and is counted
        // late, the same way whatever the order of the inputs or the thread count.
        Files.writeString(dir.resolve("a.json"), records(0, 1, 2, 3, 4, 5), StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 500; i++) {
            b.append(record("b" + i, 4 * 60)).append(',');
        }
        Files.writeString(dir.resolve("b.json"), b.append(record("b-old", 60)).append("]}"), StandardCharsets.UTF_8);
        assertThat(Files.size(dir.resolve("b.json"))).isGreaterThan(ScanJob.HEAD_BYTES);
        ScanResult one = scan(List.of(dir.resolve("b.json"), dir.resolve("a.json")), 1);
        ScanResult two = scan(List.of(dir), 2);
        assertThat(one.pipeline().late()).isEqualTo(1);
        assertThat(two.pipeline()).isEqualTo(one.pipeline());
        assertThat(one.findings()).isEqualTo(two.findings());
        assertThat(one.input().events()).isEqualTo(507);
    }

    private static String records(int... hours) {
        StringBuilder b = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < hours.length; i++) {
            b.append(i == 0 ? "" : ",").append(record("a" + i, hours[i] * 60));
        }
        return b.append("]}").toString();
    }

    private static String record(String id, int minutes) {
        return String.format("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":"
                + "\"arn:aws:iam::111122223333:user/a\",\"accountId\":\"111122223333\"},\"eventTime\":"
                + "\"2026-03-02T%02d:%02d:00Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\","
                + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.1\",\"eventID\":\"%s\"}",
                minutes / 60, minutes % 60, id);
    }
}
