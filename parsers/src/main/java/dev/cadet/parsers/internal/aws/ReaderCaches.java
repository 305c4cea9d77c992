package dev.cadet.parsers.internal.aws;

import dev.cadet.model.Source;

import java.util.HashMap;
import java.util.Map;

/**
 * What the CloudTrail reader learns about repeating values, kept per thread across the files it reads:
 * a delivery file holds only a few thousand records, too few for per-file caches to pay off, while the
 * same principals, addresses and user agents recur through a whole corpus. Thread-confined, so no
 * locking; bounded, so a long-lived thread keeps at most a few megabytes.
 */
final class ReaderCaches {

    /** Entries per map before it is emptied and refilled with what is current. */
    static final int MAX_ENTRIES = 1 << 14;

    private static final ThreadLocal<ReaderCaches> CURRENT = ThreadLocal.withInitial(ReaderCaches::new);

    final StringTable strings = new StringTable();
    /** eventSource, then eventName, to the shared action string. */
    final Map<String, Map<String, String>> actions = new HashMap<>();
    /** The last actor built per identity ARN. */
    final Map<String, CloudTrailMapper.ActorMemo> actors = new HashMap<>();
    /** The last source per address. */
    final Map<String, Source> sources = new HashMap<>();

    private ReaderCaches() {
    }

    /** This thread's caches, with any map that outgrew its bound emptied. */
    static ReaderCaches current() {
        ReaderCaches c = CURRENT.get();
        if (c.actors.size() > MAX_ENTRIES) {
            c.actors.clear();
        }
        if (c.sources.size() > MAX_ENTRIES) {
            c.sources.clear();
        }
        if (c.actions.size() > MAX_ENTRIES) {
            c.actions.clear();
        }
        return c;
    }
}
