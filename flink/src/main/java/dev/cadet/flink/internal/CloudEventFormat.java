package dev.cadet.flink.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.parsers.LogReader;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads one log file per split with cadet's parsers: content sniffing, gzip, every provider's format,
 * bad records quarantined (counted in the file's report, not emitted). A file is parsed whole and its
 * events handed out in canonical order (time, provider, event id, record), as {@code cadet scan} does:
 * CloudTrail does not order records inside a file, and an unordered file would push the watermark past
 * its own early events. A delivery file is a few MB, so holding one is cheap; one huge file is held whole.
 *
 * <p>Checkpoints record how many events of the file were emitted; a restored reader parses the file
 * again and skips them. SSM command history files carry no events: the command text they hold is not
 * joined to SendCommand events here (the command line's scan does that join).
 */
public final class CloudEventFormat implements BulkFormat<CloudEvent, FileSourceSplit> {

    private static final long serialVersionUID = 1L;

    static final Comparator<CloudEvent> CANONICAL_ORDER = Comparator.comparingLong(CloudEvent::time)
            .thenComparing(CloudEvent::provider)
            .thenComparing(CloudEvent::eventId)
            .thenComparingLong(e -> e.origin().record());

    @Override
    public Reader<CloudEvent> createReader(Configuration config, FileSourceSplit split) {
        return new FileReader(split.path(), 0);
    }

    @Override
    public Reader<CloudEvent> restoreReader(Configuration config, FileSourceSplit split) {
        long emitted = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
        return new FileReader(split.path(), emitted);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<CloudEvent> getProducedType() {
        return RecordTypeInfo.forClass(CloudEvent.class);
    }

    /** What {@code Origin.file} says: the local path for local files (as {@code cadet scan}), else the URI. */
    static String name(Path path) {
        String scheme = path.toUri().getScheme();
        return scheme == null || "file".equals(scheme) ? path.toUri().getPath() : path.toString();
    }

    /** Emits one file's events in one batch. */
    private static final class FileReader implements Reader<CloudEvent> {

        private final Path path;
        private final long skip;
        private boolean done;

        FileReader(Path path, long skip) {
            this.path = path;
            this.skip = skip;
        }

        @Override
        public RecordIterator<CloudEvent> readBatch() throws IOException {
            if (done) {
                return null;
            }
            done = true;
            List<CloudEvent> events = new ArrayList<>();
            try (FSDataInputStream in = path.getFileSystem().open(path)) {
                LogReader.create().read(in, name(path), events::add);
            }
            events.sort(CANONICAL_ORDER);
            int from = (int) Math.min(skip, events.size());
            CloudEvent[] rest = events.subList(from, events.size()).toArray(new CloudEvent[0]);
            ArrayResultIterator<CloudEvent> batch = new ArrayResultIterator<>();
            batch.set(rest, rest.length, CheckpointedPosition.NO_OFFSET, from);
            return batch;
        }

        @Override
        public void close() {
            // The file is closed as soon as it is parsed.
        }
    }
}
