package dev.cadet.detectors.internal;

import java.io.Serializable;
import dev.cadet.model.CloudEvent;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells the first record of a multi-record operation from its repeats: Azure writes Started, Accepted
 * and Succeeded records for one run command under one correlation id, and a detector that counts must
 * count the operation once. Records without a correlation id are always first. Remembers ids for
 * {@link #HORIZON} of event time (events come in time order), so memory follows the rate, not the input.
 */
public final class OncePerOperation implements Serializable {

    /** How long after its first record a repeat is still recognised. */
    public static final long HORIZON = Times.HOUR;

    private final Set<String> seen = new HashSet<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    /** True for the first record of an operation; false for a repeat. */
    public boolean first(CloudEvent e) {
        String id = e.correlationId();
        if (id == null) {
            return true;
        }
        forgetBefore(Times.minus(e.time(), HORIZON));
        String key = id + '\n' + e.action();
        if (!seen.add(key)) {
            return false;
        }
        order.addLast(key);
        times.addLast(e.time());
        return true;
    }

    /** Forgets operations first seen before {@code bound}: no later record can repeat them. */
    public void forgetBefore(long bound) {
        while (!times.isEmpty() && times.peekFirst() < bound) {
            times.removeFirst();
            seen.remove(order.removeFirst());
        }
    }

    public boolean isEmpty() {
        return seen.isEmpty();
    }

    public void clear() {
        seen.clear();
        order.clear();
        times.clear();
    }
}
