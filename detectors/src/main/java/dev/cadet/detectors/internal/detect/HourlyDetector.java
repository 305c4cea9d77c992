package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.HourlyFindings;
import dev.cadet.model.Finding;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A detector whose matches are gathered per (principal, hour) and emitted as one finding per bucket
 * once the watermark passes the hour: the watermark, flush and counter plumbing they all share.
 */
abstract class HourlyDetector extends AbstractDetector implements Serializable {

    protected final HourlyFindings hourly;

    protected HourlyDetector(String id, int kinds, HourlyFindings.Summary summary) {
        super(id, kinds);
        this.hourly = new HourlyFindings(id, summary);
    }

    @Override
    protected void advance(long watermarkMillis, Consumer<Finding> out) {
        evictions += hourly.emitComplete(watermarkMillis, f -> emit(f, out));
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        hourly.emitAll(f -> emit(f, out));
    }

    @Override
    protected int keysLive() {
        return hourly.keysLive();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        c.put("bucketsOpen", (long) hourly.open());
    }
}
