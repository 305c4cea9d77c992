package dev.cadet.detectors.internal;

import java.io.Serializable;
import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;

import java.util.Comparator;
import java.util.List;

/** Orderings and small predicates over events that the pipeline and several detectors share. */
public final class Events {

    /**
     * Total order of released events: time, then provider, then event id. After de-duplication
     * (provider, event id) is unique, so ties never depend on arrival order.
     */
    public static final Comparator<CloudEvent> ORDER = (Comparator<CloudEvent> & Serializable) (a, b) -> {
        int c = Long.compare(a.time(), b.time());
        if (c != 0) {
            return c;
        }
        c = a.provider().compareTo(b.provider());
        return c != 0 ? c : a.eventId().compareTo(b.eventId());
    };

    /** What CloudTrail writes in place of a user name it will not reveal (a failed sign-in with a mistyped name). */
    private static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";

    private Events() {
    }

    /** A principal id that names somebody: not the placeholder for logs that name nobody. */
    public static boolean isKnownPrincipal(String principal) {
        // Looking for one character is quicker than for the phrase, and most principals have no '_'.
        return principal != null && !principal.isEmpty() && !Actor.UNKNOWN_PRINCIPAL.equals(principal)
                && (principal.indexOf('_') < 0 || !principal.contains(HIDDEN));
    }

    /** The events in {@link #ORDER}. */
    public static List<CloudEvent> sorted(List<CloudEvent> events) {
        return events.stream().sorted(ORDER).toList();
    }
}
