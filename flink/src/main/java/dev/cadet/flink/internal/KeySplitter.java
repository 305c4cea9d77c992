package dev.cadet.flink.internal;

import dev.cadet.detectors.KeyedDetection;
import dev.cadet.flink.DetectionSetup;
import dev.cadet.model.CloudEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

import java.util.Objects;

/** One copy of each event per partition key it has; events no detector keeps state for have none. */
public final class KeySplitter extends RichFlatMapFunction<CloudEvent, KeyedEvent> {

    private static final long serialVersionUID = 1L;

    private final DetectionSetup setup;
    private transient KeyedDetection detection;

    public KeySplitter(DetectionSetup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    @Override
    public void open(OpenContext context) {
        detection = KeyedDetection.create(setup.config());
    }

    @Override
    public void flatMap(CloudEvent event, Collector<KeyedEvent> out) {
        for (String key : detection.keysOf(event)) {
            out.collect(new KeyedEvent(key, event));
        }
    }
}
