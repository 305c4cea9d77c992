package dev.cadet.flink.internal;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link FileSource} whose readers hold a few files ahead. A file reader asks the enumerator for its next
 * file only when it has finished one, and the reply takes a round trip (about 35 ms each on a loaded
 * MiniCluster, a quarter of the run over small delivery files). Here a reader's first request gets
 * {@code ahead} files and each later one, sent as a file finishes, gets one more, so a reader always has
 * the next files queued. Each reader still reads its files in the order the assigner hands them out, which
 * is all the watermark needs. Everything else, including checkpoints and their formats, is the
 * {@code FileSource}'s.
 *
 * @param <T> the records read
 */
public final class PrefetchingFileSource<T>
        implements Source<T, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final FileSource<T> files;
    private final int ahead;

    /**
     * @param files the source to read with
     * @param ahead files a reader holds, at least 1 (1 is the plain {@code FileSource})
     */
    public PrefetchingFileSource(FileSource<T> files, int ahead) {
        this.files = Objects.requireNonNull(files, "files");
        if (ahead < 1) {
            throw new IllegalArgumentException("ahead must be >= 1, was " + ahead);
        }
        this.ahead = ahead;
    }

    @Override
    public Boundedness getBoundedness() {
        return files.getBoundedness();
    }

    @Override
    public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext context) {
        return files.createReader(context);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> createEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context) {
        return new Ahead(files.createEnumerator(context), ahead);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> restoreEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context, PendingSplitsCheckpoint<FileSourceSplit> checkpoint) {
        return new Ahead(files.restoreEnumerator(context, checkpoint), ahead);
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return files.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<PendingSplitsCheckpoint<FileSourceSplit>> getEnumeratorCheckpointSerializer() {
        return files.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return files.getProducedType();
    }

    /** The file source's enumerator, answering a reader's first request with several files. */
    private static final class Ahead implements SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> {

        private final SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> files;
        private final int ahead;
        private final Set<Integer> primed = new HashSet<>();

        Ahead(SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>> files, int ahead) {
            this.files = files;
            this.ahead = ahead;
        }

        @Override
        public void start() {
            files.start();
        }

        @Override
        public void handleSplitRequest(int subtask, String hostname) {
            int n = primed.add(subtask) ? ahead : 1;
            for (int i = 0; i < n; i++) {
                files.handleSplitRequest(subtask, hostname);
            }
        }

        @Override
        public void addSplitsBack(List<FileSourceSplit> splits, int subtask) {
            primed.remove(subtask); // the reader failed: it starts empty again
            files.addSplitsBack(splits, subtask);
        }

        @Override
        public void addReader(int subtask) {
            primed.remove(subtask);
            files.addReader(subtask);
        }

        @Override
        public PendingSplitsCheckpoint<FileSourceSplit> snapshotState(long checkpointId) throws Exception {
            return files.snapshotState(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            files.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void close() throws IOException {
            files.close();
        }
    }
}
