package dev.cadet.flink.internal;

import dev.cadet.model.CloudEvent;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness measured from the start of the file being read: the watermark is the earliest
 * event time of the current file minus the allowed lateness (minus one, Flink's watermark being
 * inclusive). A file's events come sorted, so its first event is its earliest and marks a new file.
 *
 * <p>Why not from the latest event seen, as {@code forBoundedOutOfOrderness} does: a reader takes one file
 * after another, and delivery files span more than the lateness (CloudTrail writes a region's file every
 * few minutes, but exports and the demo hold hours per file). After the end of one file, the next file of
 * the same period, from another region or account, starts hours before the latest event seen, and all of
 * it would be late. {@code cadet scan} merges the open files in event time instead; the file-start rule
 * gives the same answer here: with files handed out in delivery-time order, an event is late only when its
 * file reaches back more than the lateness before the file read before it. The price is that detection
 * trails the input by one file's span.
 *
 * <p>The watermark is emitted when a file starts (and again on the periodic timer), so how far the
 * partitions are held back does not depend on how fast the reader is.
 */
public final class FileStartWatermarks implements WatermarkGenerator<CloudEvent> {

    private final long lateness;
    private String file;
    private long watermark = Long.MIN_VALUE;

    public FileStartWatermarks(long latenessMillis) {
        this.lateness = latenessMillis;
    }

    @Override
    public void onEvent(CloudEvent event, long timestamp, WatermarkOutput output) {
        String from = event.origin().file();
        if (!from.equals(file)) {
            file = from;
            long start = event.time();
            long next = start < Long.MIN_VALUE + lateness + 1 ? Long.MIN_VALUE : start - lateness - 1;
            if (next > watermark) {
                watermark = next;
                // At once, not on the periodic timer: a reader gets through many files between two timer
                // ticks, and partitions would hold all of them.
                output.emitWatermark(new Watermark(watermark));
            }
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (watermark != Long.MIN_VALUE) {
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
