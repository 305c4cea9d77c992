package dev.cadet.model;

import java.util.List;
import java.util.Objects;

/**
 * The time span the supplied logs cover for one provider, account and region.
 *
 * @param provider  the provider
 * @param account   account, subscription or project, or {@code null}
 * @param region    region, or {@code null}
 * @param firstSeen earliest event time, epoch millis
 * @param lastSeen  latest event time, epoch millis
 * @param events    events in this scope
 * @param gaps      whole hours between {@code firstSeen} and {@code lastSeen} with no event in this
 *                  scope, in time order; empty when every hour had events
 */
public record Coverage(Provider provider, String account, String region, long firstSeen, long lastSeen,
                       long events, List<CoverageGap> gaps) {

    public Coverage {
        Objects.requireNonNull(provider, "provider");
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    /** A span without gaps (or whose gaps were not computed). */
    public Coverage(Provider provider, String account, String region, long firstSeen, long lastSeen, long events) {
        this(provider, account, region, firstSeen, lastSeen, events, List.of());
    }
}
