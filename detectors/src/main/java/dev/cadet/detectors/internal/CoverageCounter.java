package dev.cadet.detectors.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Coverage;
import dev.cadet.model.Provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** First and last event time and event count per (provider, account, region) of the analysed events. */
public final class CoverageCounter {

    private static final int FIRST = 0;
    private static final int LAST = 1;
    private static final int EVENTS = 2;
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** provider -> account -> region -> {first, last, events}; nested maps so that counting allocates no key. */
    private final Map<Provider, Map<String, Map<String, long[]>>> scopes = new EnumMap<>(Provider.class);

    public void add(CloudEvent e) {
        long[] c = scopes.computeIfAbsent(e.provider(), p -> new HashMap<>())
                .computeIfAbsent(e.cloud().account(), a -> new HashMap<>())
                .computeIfAbsent(e.cloud().region(), r -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
        c[FIRST] = Math.min(c[FIRST], e.time());
        c[LAST] = Math.max(c[LAST], e.time());
        c[EVENTS]++;
    }

    /** Sorted by provider, account, region (unknowns first). */
    public List<Coverage> coverage() {
        List<Coverage> out = new ArrayList<>();
        scopes.forEach((provider, accounts) -> accounts.forEach((account, regions) -> regions.forEach(
                (region, c) -> out.add(new Coverage(provider, account, region, c[FIRST], c[LAST], c[EVENTS])))));
        out.sort(Comparator.comparing(Coverage::provider)
                .thenComparing(Coverage::account, NULLS_FIRST)
                .thenComparing(Coverage::region, NULLS_FIRST));
        return out;
    }
}
