package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.LatestByKey;
import dev.cadet.detectors.internal.Text;
import dev.cadet.detectors.internal.Times;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Severity;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Are there any geo-location anomalies in command executions?": two successful events of one principal
 * from countries too far apart for the time between them. The distance is a lower bound (country
 * centroids less a radius each country lies within), so neighbours never trip it and the speed is at
 * least what the principal would have needed. Needs a country on the events: from the log (Entra sign-ins)
 * or from a GeoIP database; the {@code located} and {@code unlocated} counters say how much it could see:
 * successful events with a usable country, and those with an address but none.
 *
 * <p>State: per principal its latest located event, evicted once no later event could be impossible
 * travel from it (half the Earth's circumference at the speed limit).
 */
public final class GeoAnomalyDetector extends HourlyDetector implements Serializable {

    public static final String ID = "geo-anomaly";
    private static final double HALF_EARTH_KM = 20_038;

    private final double speedKmh;
    private final long horizon;
    private final LatestByKey<CloudEvent> lastLocated = new LatestByKey<>();
    private long located;
    /**
     * Successful events with an address and no usable country, whoever the principal: counting only named
     * principals would read every such event's principal, which nothing else reads for most of them.
     */
    private long unlocated;

    public GeoAnomalyDetector(int speedKmh) {
        super(ID, ALL_KINDS, (principal, b) -> principal + " appeared in places too far apart for the time between them"
                + " (faster than " + speedKmh + " km/h): " + Text.list(b.notes(), 4));
        if (speedKmh < 1) {
            throw new IllegalArgumentException("travelSpeedKmh must be >= 1, was " + speedKmh);
        }
        this.speedKmh = speedKmh;
        this.horizon = (long) Math.ceil(HALF_EARTH_KM / speedKmh * Times.HOUR);
    }

    /** Whether the event can change this detector's state: a located success of a known principal. */
    public static boolean concerns(CloudEvent e) {
        String country = e.source().country();
        return e.outcome() != Outcome.FAILURE && Events.isKnownPrincipal(e.principal()) && country != null
                && Countries.known(country);
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        if (e.outcome() == Outcome.FAILURE) {
            return;
        }
        String country = e.source().country();
        if (country == null || !Countries.known(country)) {
            if (e.source().ip() != null) {
                unlocated++;
            }
            return;
        }
        located++;
        if (!Events.isKnownPrincipal(e.principal())) {
            return;
        }
        CloudEvent before = lastLocated.get(e.principal());
        if (before != null && !before.source().country().equalsIgnoreCase(country)) {
            double km = Countries.minDistanceKm(before.source().country(), country);
            long ms = e.time() - before.time();
            if (km > 0 && (ms == 0 || km / (ms / (double) Times.HOUR) > speedKmh)) {
                matched++;
                String speed = ms == 0 ? "at the same moment"
                        : String.format(Locale.ROOT, "%,.0f km/h", km / (ms / (double) Times.HOUR));
                hourly.bucket(e.principal(), e.time()).context(before).add(e).severity(Severity.HIGH)
                        .note(before.source().country() + " at " + Times.iso(before.time()) + " then " + country
                                + " at " + Times.iso(e.time()) + String.format(Locale.ROOT, ": at least %,.0f km", km)
                                + ", " + speed);
            }
        }
        lastLocated.put(e.principal(), e.time(), e);
    }

    @Override
    protected void advance(long watermarkMillis, Consumer<Finding> out) {
        super.advance(watermarkMillis, out);
        evictions += lastLocated.evictBefore(Times.minus(watermarkMillis, horizon));
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        super.flush(out);
        lastLocated.clear();
    }

    @Override
    protected int keysLive() {
        return lastLocated.size() + super.keysLive();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        super.extraCounters(c);
        c.put("located", located);
        c.put("unlocated", unlocated);
    }
}
