package dev.cadet.detectors;

import dev.cadet.detectors.internal.CoverageCounter;
import dev.cadet.detectors.internal.DedupIndex;
import dev.cadet.detectors.internal.ReorderBuffer;
import dev.cadet.detectors.internal.Times;
import dev.cadet.detectors.internal.incident.Approvals;
import dev.cadet.detectors.internal.incident.Assembly;
import dev.cadet.detectors.internal.incident.EscalationPolicy;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.PipelineCounters;

import java.util.ArrayList;
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
    private final List<Detector> detectors;
    private final long lateness;
    private final ReorderBuffer buffer = new ReorderBuffer();
    private final DedupIndex dedup = new DedupIndex();
    private final CoverageCounter coverage = new CoverageCounter();
    private final List<Finding> found = new ArrayList<>();
    private final Consumer<Finding> sink = found::add;
    private long maxTime = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long eventsIn;
    private long duplicates;
    private long late;
    private boolean finished;

    private Pipeline(DetectionConfig config, List<Detector> detectors) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(detectors, "detectors");
        Set<String> ids = new HashSet<>();
        for (Detector d : detectors) {
            Objects.requireNonNull(d, "detector");
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("two detectors share the id '" + d.id() + "'");
            }
        }
        this.detectors = List.copyOf(detectors);
        this.lateness = config.allowedLateness().toMillis();
    }

    /** A pipeline running all built-in detectors. */
    public static Pipeline create(DetectionConfig config) {
        return new Pipeline(config, Detectors.builtIn(config));
    }

    /** A pipeline running the given detectors (fresh instances: they keep state). */
    public static Pipeline create(DetectionConfig config, List<Detector> detectors) {
        return new Pipeline(config, detectors);
    }

    /** Adds one event, in any order; releases to the detectors whatever the watermark now allows. */
    public void push(CloudEvent event) {
        Objects.requireNonNull(event, "event");
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

    private void release(CloudEvent e) {
        coverage.add(e);
        dedup.released(e);
        for (Detector d : detectors) {
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
        List<Finding> findings = Assembly.number(found);
        List<Incident> incidents = Assembly.incidents(findings, config.incidentGap().toMillis(),
                new EscalationPolicy(Approvals.of(config.approvedPrincipals(), config.approvedSources())));
        Map<String, Map<String, Long>> detectorCounts = new LinkedHashMap<>();
        for (Detector d : detectors) {
            detectorCounts.put(d.id(), d.counters());
        }
        return new DetectionResult(findings, incidents,
                new PipelineCounters(eventsIn, duplicates, late, detectorCounts), coverage.coverage());
    }
}
