package dev.cadet.flink.internal;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands files to the readers in the order of the time in their names, then by path. The watermark is
 * the latest event time read minus the allowed lateness, so a reader that took a file of older events
 * after newer ones would find them late. CloudTrail delivery files carry their delivery time in the name
 * ({@code <account>_CloudTrail_<region>_<yyyyMMdd'T'HHmm'Z'>_<unique>.json.gz}); other files, whose
 * names carry no such time, come first, in path order, as {@code cadet scan} opens files of unknown
 * start first. The limit: a file whose events start more than the allowed lateness before its name's
 * time (CloudTrail can deliver late) still has those events counted late.
 */
public final class TimeOrderedSplitAssigner implements FileSplitAssigner {

    private static final Pattern DELIVERY_TIME = Pattern.compile("_(\\d{8}T\\d{4}Z)_");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

    static final Comparator<FileSourceSplit> ORDER = Comparator
            .comparingLong((FileSourceSplit s) -> timeOf(s.path().getName()))
            .thenComparing(s -> s.path().toString())
            .thenComparingLong(FileSourceSplit::offset);

    private final PriorityQueue<FileSourceSplit> queue = new PriorityQueue<>(ORDER);

    public TimeOrderedSplitAssigner(Collection<FileSourceSplit> splits) {
        queue.addAll(splits);
    }

    /** The time in a delivery file's name, epoch millis, or {@link Long#MIN_VALUE} when it has none. */
    static long timeOf(String fileName) {
        Matcher m = DELIVERY_TIME.matcher(fileName);
        if (!m.find()) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDateTime.parse(m.group(1), FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        return Optional.ofNullable(queue.poll());
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> splits) {
        queue.addAll(splits);
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        List<FileSourceSplit> out = new ArrayList<>(queue);
        out.sort(ORDER);
        return out;
    }

    @Override
    public String toString() {
        return "TimeOrderedSplitAssigner, " + queue.size() + " splits left";
    }
}
