package dev.cadet.flink.internal;

import dev.cadet.model.Finding;
import dev.cadet.model.Origin;

import java.io.Serial;
import java.io.Serializable;

/**
 * What the detector partitions send to the one concluding task: a finding, an event that came too late
 * to be analysed, or the start marker that opens the concluding task's state before anything else comes.
 *
 * @param finding   a finding, or {@code null}
 * @param lateEvent {@code provider/eventId} of a late event, or {@code null}
 * @param lateAt    where the late event's record is, or {@code null}
 */
public record Signal(Finding finding, String lateEvent, Origin lateAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final Signal START = new Signal(null, null, null);

    public static Signal found(Finding finding) {
        return new Signal(finding, null, null);
    }

    public static Signal late(String event, Origin at) {
        return new Signal(null, event, at);
    }
}
