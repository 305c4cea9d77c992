package dev.cadet.parsers.internal;

import java.util.List;

/** Building {@link dev.cadet.model.CloudEvent#targets()}: log order, repeats dropped. */
public final class Targets {

    private Targets() {
    }

    /** Adds a value unless it is {@code null} or already there; a target set is small, so a list scan beats a hash set. */
    public static void add(ReadSession session, List<String> targets, String value) {
        if (value != null && !targets.contains(value)) {
            targets.add(session.intern(value));
        }
    }

    /** {@link #add} for each value in turn. */
    public static void addAll(ReadSession session, List<String> targets, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            add(session, targets, values.get(i));
        }
    }
}
