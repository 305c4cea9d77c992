package dev.cadet.flink.internal;

import dev.cadet.model.CloudEvent;

import java.io.Serial;
import java.io.Serializable;

/**
 * An event on its way to one detector partition; an event with several partition keys travels once
 * per key.
 *
 * @param key   the partition key ({@code principal:...}, {@code source:...}, ...)
 * @param event the event
 */
public record KeyedEvent(String key, CloudEvent event) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
