package dev.cadet.model;

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
 */
public record Coverage(Provider provider, String account, String region, long firstSeen, long lastSeen,
                       long events) {

    public Coverage {
        Objects.requireNonNull(provider, "provider");
    }
}
