package dev.cadet.flink.internal;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedSplitAssignerTest {

    private static FileSourceSplit split(String path) {
        return new FileSourceSplit(path, new Path(path), 0, 100, 0, 100);
    }

    private static List<String> drain(TimeOrderedSplitAssigner assigner) {
        List<String> out = new ArrayList<>();
        for (Optional<FileSourceSplit> next = assigner.getNext(null); next.isPresent(); next = assigner.getNext(null)) {
            out.add(next.get().path().getName());
        }
        return out;
    }

    @Test
    void readsTheDeliveryTimeInACloudTrailFileName() {
        assertThat(TimeOrderedSplitAssigner.timeOf("111122223333_CloudTrail_us-east-1_20260302T0555Z_b42f1c66.json.gz"))
                .isEqualTo(Instant.parse("2026-03-02T05:55:00Z").toEpochMilli());
        assertThat(TimeOrderedSplitAssigner.timeOf("export.json")).isEqualTo(Long.MIN_VALUE);
        assertThat(TimeOrderedSplitAssigner.timeOf("a_CloudTrail_x_20261399T9999Z_b.json")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void handsOutFilesWithoutATimeFirstThenByTimeThenByPath() {
        TimeOrderedSplitAssigner assigner = new TimeOrderedSplitAssigner(List.of(
                split("/logs/us-west-2/1_CloudTrail_us-west-2_20260302T1155Z_a.json.gz"),
                split("/logs/eu-west-1/1_CloudTrail_eu-west-1_20260302T1155Z_b.json.gz"),
                split("/logs/us-east-1/1_CloudTrail_us-east-1_20260302T0555Z_c.json.gz"),
                split("/logs/history.json")));
        assigner.addSplits(List.of(split("/logs/us-east-1/1_CloudTrail_us-east-1_20260301T2355Z_d.json.gz")));
        assertThat(assigner.remainingSplits()).hasSize(5);
        assertThat(drain(assigner)).containsExactly("history.json",
                "1_CloudTrail_us-east-1_20260301T2355Z_d.json.gz",
                "1_CloudTrail_us-east-1_20260302T0555Z_c.json.gz",
                "1_CloudTrail_eu-west-1_20260302T1155Z_b.json.gz",
                "1_CloudTrail_us-west-2_20260302T1155Z_a.json.gz");
        assertThat(assigner.remainingSplits()).isEmpty();
    }
}
