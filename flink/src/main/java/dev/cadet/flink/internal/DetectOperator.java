package dev.cadet.flink.internal;

import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * Runs {@link DetectFunction} and writes its cached partitions to keyed state before every checkpoint or
 * savepoint barrier leaves the task, so a snapshot holds every partition as of the barrier.
 */
public final class DetectOperator extends KeyedProcessOperator<String, KeyedEvent, Signal> {

    private static final long serialVersionUID = 1L;

    public DetectOperator(DetectFunction function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        ((DetectFunction) getUserFunction()).keySwitch(this::setCurrentKey);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        ((DetectFunction) getUserFunction()).flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }
}
