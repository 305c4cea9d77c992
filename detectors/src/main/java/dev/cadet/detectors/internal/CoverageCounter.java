package dev.cadet.detectors.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Coverage;
import dev.cadet.model.CoverageGap;
import dev.cadet.model.Provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * First and last event time, event count and empty hours per (provider, account, region) of the
 * analysed events. Gaps are found on the fly because the pipeline releases events in time order:
 * an event whose hour lies more than one hour after the scope's previous event closes a gap.
 */
public final class CoverageCounter {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final long HOUR = CoverageGap.HOUR_MILLIS;

    /** provider -> account -> region -> span; nested maps so that counting allocates no key. */
    private final Map<Provider, Map<String, Map<String, Span>>> scopes = new EnumMap<>(Provider.class);
    private Provider lastProvider;
    private CloudScope lastScope;
    private Span lastSpan;

    private static final class Span {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long events;
        long lastHour = Long.MIN_VALUE;
        List<CoverageGap> gaps;
    }

    public void add(CloudEvent e) {
        Span s = span(e);
        s.first = Math.min(s.first, e.time());
        s.last = Math.max(s.last, e.time());
        s.events++;
        long hour = Math.floorDiv(e.time(), HOUR);
        // An out-of-order event (never from the pipeline) cannot close a gap: it is only counted.
        if (hour > s.lastHour) {
            if (s.lastHour != Long.MIN_VALUE && hour > s.lastHour + 1) {
                if (s.gaps == null) {
                    s.gaps = new ArrayList<>();
                }
                s.gaps.add(new CoverageGap((s.lastHour + 1) * HOUR, hour * HOUR));
            }
            s.lastHour = hour;
        }
    }

    /**
     * The span of the event's scope. Parsers share one scope instance per account and region, and events come
     * in runs from one file, so the last scope is asked first, by reference, before the three maps.
     */
    private Span span(CloudEvent e) {
        if (e.cloud() == lastScope && e.provider() == lastProvider) {
            return lastSpan;
        }
        Span s = scopes.computeIfAbsent(e.provider(), p -> new HashMap<>())
                .computeIfAbsent(e.cloud().account(), a -> new HashMap<>())
                .computeIfAbsent(e.cloud().region(), r -> new Span());
        lastProvider = e.provider();
        lastScope = e.cloud();
        lastSpan = s;
        return s;
    }

    /** Sorted by provider, account, region (unknowns first). */
    public List<Coverage> coverage() {
        List<Coverage> out = new ArrayList<>();
        scopes.forEach((provider, accounts) -> accounts.forEach((account, regions) -> regions.forEach(
                (region, s) -> out.add(new Coverage(provider, account, region, s.first, s.last, s.events,
                        s.gaps == null ? List.of() : s.gaps)))));
        out.sort(Comparator.comparing(Coverage::provider)
                .thenComparing(Coverage::account, NULLS_FIRST)
                .thenComparing(Coverage::region, NULLS_FIRST));
        return out;
    }
}
