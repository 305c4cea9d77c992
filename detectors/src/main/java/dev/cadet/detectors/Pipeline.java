package dev.cadet.detectors;

import dev.cadet.detectors.internal.CoverageCounter;
import dev.cadet.detectors.internal.DedupIndex;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.Text;
import dev.cadet.detectors.internal.ReorderBuffer;
import dev.cadet.detectors.internal.Times;
import dev.cadet.detectors.internal.detect.FailedThenSuccessDetector;
import dev.cadet.detectors.internal.incident.Approvals;
import dev.cadet.detectors.internal.incident.Assembly;
import dev.cadet.detectors.internal.incident.Context;
import dev.cadet.detectors.internal.incident.EscalationPolicy;
import dev.cadet.model.BaselineSummary;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.Origin;
import dev.cadet.model.PipelineCounters;
import dev.cadet.model.Source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One scan: events in (any order), findings, incidents and accounting out. Single-threaded.
 *
 * <p>Event time: the watermark is the latest event time seen minus the allowed lateness and never moves
 * back. Events wait in a reorder buffer and are released to the detectors in (time, provider, event id)
 * order once their time is below the watermark; an event at exactly the watermark waits, because
 * another one with the same time may still arrive, and the order within a millisecond must not depend
 * on arrival. An event pushed with a time below the watermark is counted late and not analysed; one
 * whose provider and event id were already seen is counted as a duplicate and dropped. So the result
 * is the same for every push order in which no event is late.
 */
public final class Pipeline {

    private final DetectionConfig config;
    /** An array, not a list: a list's iterator is an object per released event. */
    private final Detector[] detectors;
    /** By kind ordinal, the detectors that handle that kind: most events are reads few detectors look at. */
    private final Detector[][] byKind;
    private final long lateness;
    private final ReorderBuffer buffer = new ReorderBuffer();
    private final DedupIndex dedup = new DedupIndex();
    private final CoverageCounter coverage = new CoverageCounter();
    private final List<Finding> found = new ArrayList<>();
    private final List<Origin> lateEvents = new ArrayList<>();
    private final Consumer<Finding> sink = found::add;
    private long maxTime = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long eventsIn;
    private long duplicates;
    private long late;
    private boolean finished;

    private final History history;
    private final GeoLocator geo;
    private long located;

    private Pipeline(DetectionConfig config, List<Detector> detectors, History history) {
        this.config = Objects.requireNonNull(config, "config");
        this.history = history;
        this.geo = config.geoLocator();
        Objects.requireNonNull(detectors, "detectors");
        Set<String> ids = new HashSet<>();
        for (Detector d : detectors) {
            Objects.requireNonNull(d, "detector");
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("two detectors share the id '" + d.id() + "'");
            }
        }
        this.detectors = detectors.toArray(new Detector[0]);
        this.byKind = new Detector[EventKind.values().length][];
        for (EventKind kind : EventKind.values()) {
            byKind[kind.ordinal()] = detectors.stream().filter(d -> d.handles(kind)).toArray(Detector[]::new);
        }
        this.lateness = config.allowedLateness().toMillis();
    }

    /** A pipeline running all built-in detectors. */
    public static Pipeline create(DetectionConfig config) {
        Objects.requireNonNull(config, "config");
        History history = Detectors.history(config);
        return new Pipeline(config, Detectors.builtIn(config, history), history);
    }

    /** A pipeline running the given detectors (fresh instances: they keep state). */
    public static Pipeline create(DetectionConfig config, List<Detector> detectors) {
        Objects.requireNonNull(config, "config");
        return new Pipeline(config, detectors, Detectors.history(config));
    }

    /** Adds one event, in any order; releases to the detectors whatever the watermark now allows. */
    public void push(CloudEvent event) {
        Objects.requireNonNull(event, "event");
        if (geo != null) {
            CloudEvent located = locate(geo, event);
            if (located != event) {
                this.located++;
                event = located;
            }
        }
        if (finished) {
            throw new IllegalStateException("this pipeline has finished; create a new one per scan");
        }
        eventsIn++;
        if (event.time() < watermark) {
            // A copy of an event analysed recently is still recognised; anything else this old is late.
            if (dedup.contains(event)) {
                duplicates++;
            } else {
                late++;
                if (lateEvents.size() < PipelineCounters.LATE_EVENTS_LISTED) {
                    lateEvents.add(event.origin());
                }
            }
            return;
        }
        if (!dedup.add(event)) {
            duplicates++;
            return;
        }
        buffer.add(event);
        if (event.time() > maxTime) {
            maxTime = event.time();
            long next = Times.minus(maxTime, lateness);
            if (next > watermark) {
                advance(next);
            }
        }
    }

    private void advance(long next) {
        watermark = next;
        while (!buffer.isEmpty() && buffer.peek().time() < watermark) {
            release(buffer.poll());
        }
        dedup.forgetBefore(Times.minus(watermark, lateness));
        for (Detector d : detectors) {
            d.onWatermark(watermark, sink);
        }
    }

    /** Event ids held for de-duplication now; for tests of the bound. */
    int idsRemembered() {
        return dedup.size();
    }

    /** Events waiting in the reorder buffer now; for tests of the bound. */
    int buffered() {
        return buffer.size();
    }

    /** The event with the country and city of its address filled in, when its log gave none. */
    static CloudEvent locate(GeoLocator geo, CloudEvent e) {
        Source s = e.source();
        if (s.country() != null || s.ip() == null) {
            return e;
        }
        GeoLocator.Place place = geo.locate(s.ip());
        if (place == null || place.country() == null) {
            return e;
        }
        return new CloudEvent(e.provider(), e.eventId(), e.time(), e.kind(), e.action(), e.outcome(), e.errorCode(),
                e.errorMessage(), e.actor(), new Source(s.ip(), s.serviceHost(), s.userAgent(), place.country(),
                place.city()), e.targets(), e.subject(), e.command(), e.cloud(), e.correlationId(), e.origin());
    }

    private void release(CloudEvent e) {
        history.observe(e);
        coverage.add(e);
        dedup.released(e);
        for (Detector d : byKind[e.kind().ordinal()]) {
            d.onEvent(e, sink);
        }
    }

    /**
     * Releases every buffered event, ends the detectors, numbers the findings, groups them into incidents
     * and decides each. Call once.
     */
    public DetectionResult finish() {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        finished = true;
        while (!buffer.isEmpty()) {
            release(buffer.poll());
        }
        for (Detector d : detectors) {
            d.onEnd(sink);
        }
        history.freeze();
        KeyedDetection.Conclusion concluded = conclude(config, history, found);
        Map<String, Map<String, Long>> detectorCounts = new LinkedHashMap<>();
        for (Detector d : detectors) {
            detectorCounts.put(d.id(), d.counters());
        }
        if (geo != null) {
            detectorCounts.put("geoip", Map.of("located", located));
        }
        return new DetectionResult(concluded.findings(), concluded.incidents(),
                new PipelineCounters(eventsIn, duplicates, late, detectorCounts, lateEvents, baselineSummary()), coverage.coverage());
    }

    /** Numbers the findings of a scan, groups them into incidents and decides each. */
    static KeyedDetection.Conclusion conclude(DetectionConfig config, History history, Collection<Finding> found) {
        // A keyed host reports the principal's and the address's failures before one success apart.
        List<Finding> findings = Assembly.number(FailedThenSuccessDetector.mergeSameSuccess(new ArrayList<>(found),
                config.failedThenSuccessWindow()));
        List<MaintenanceWindow> windows = config.maintenanceWindows();
        Approvals approvals = Approvals.of(config.approvedPrincipals(), config.approvedSources(),
                (principal, from, to) -> openWindow(windows, principal, from, to));
        Context context = new Context(approvals, history, config.geoLocator() != null,
                config.iocAddresses().size() + config.iocDomains().size());
        List<Incident> incidents = Assembly.incidents(findings, config.incidentGap().toMillis(),
                new EscalationPolicy(approvals), context);
        return new KeyedDetection.Conclusion(findings, incidents);
    }

    /** The name of a maintenance window covering the principal over all of {@code [from, to]}, or {@code null}. */
    private static String openWindow(List<MaintenanceWindow> windows, String principal, long from, long to) {
        for (MaintenanceWindow w : windows) {
            if (w.covers(principal) && w.isOpenAt(from) && w.isOpenAt(to)) {
                return w.name();
            }
        }
        return null;
    }

    private BaselineSummary baselineSummary() {
        String novelty = "rare-command, unknown-source, command-spike and new-source sign-ins (login-anomaly)";
        switch (history.mode()) {
            case STORED -> {
                String source = config.baselineSource() == null ? "a stored baseline" : config.baselineSource();
                return new BaselineSummary(BaselineSummary.Origin.STORED, config.baselineSource(), history.from(),
                        history.until(), history.principalCount(), "Judged against the stored baseline " + source
                        + ", learned from " + Times.iso(history.from()) + " to " + Times.iso(history.until()) + " ("
                        + Text.count(history.principalCount(), "principal") + "): " + novelty + " compare every"
                        + " scanned event with it.");
            }
            case LEARNING -> {
                if (history.from() == Long.MIN_VALUE) {
                    return new BaselineSummary(BaselineSummary.Origin.LEARNED_FROM_SCAN, null, 0, 0, 0,
                            "No stored baseline, and no events to learn one from.");
                }
                String period = Times.human(config.learningPeriod());
                boolean judged = maxTime >= history.until();
                return new BaselineSummary(BaselineSummary.Origin.LEARNED_FROM_SCAN, null, history.from(),
                        history.until(), history.principalCount(), "No stored baseline: the first " + period
                        + " of the scanned logs (" + Times.iso(history.from()) + " to " + Times.iso(history.until())
                        + ", " + Text.count(history.principalCount(), "principal") + ") served as one. "
                        + (judged ? "Events in that period were not judged by " + novelty + "."
                        : "The logs end inside that period, so " + novelty + " judged nothing; give a stored"
                        + " baseline (cadet baseline learn) or a shorter learning period."));
            }
            default -> {
                return new BaselineSummary(BaselineSummary.Origin.NONE, null, 0, 0, 0, "No baseline (learning"
                        + " period 0 and no stored baseline): rare-command, unknown-source and new-source sign-ins"
                        + " did not run, and command-spike compared hourly counts with its floor only.");
            }
        }
    }
}
