package dev.cadet.reports.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Decision;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.ScanResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders and cross-references of one scan result that several writers need: findings and incidents
 * in id order, incidents in the order an analyst works them, and which incidents hold a finding.
 */
public final class ScanIndex {

    /** Escalations first, then by severity (highest first), then earliest, then id. */
    public static final Comparator<Incident> ANALYST_ORDER = Comparator
            .comparing(Incident::decision)
            .thenComparing(Incident::severity, Comparator.reverseOrder())
            .thenComparingLong(Incident::firstSeen)
            .thenComparing(Incident::id, Text.ID_ORDER);

    private static final Comparator<Finding> FINDING_ID_ORDER =
            Comparator.comparing(Finding::id, Text.ID_ORDER).thenComparingLong(Finding::firstSeen);

    private final ScanResult result;
    private final Map<String, Set<String>> incidentsOfFinding = new LinkedHashMap<>();

    public ScanIndex(ScanResult result) {
        this.result = result;
        for (Incident incident : result.incidents()) {
            for (Finding f : incident.findings()) {
                if (f.id() != null) {
                    incidentsOfFinding.computeIfAbsent(f.id(), k -> new TreeSet<>(Text.ID_ORDER)).add(incident.id());
                }
            }
        }
    }

    public ScanResult result() {
        return result;
    }

    /** All findings of the scan, by id. */
    public List<Finding> findingsById() {
        return result.findings().stream().sorted(FINDING_ID_ORDER).toList();
    }

    /** All incidents, by id. */
    public List<Incident> incidentsById() {
        return result.incidents().stream().sorted(Comparator.comparing(Incident::id, Text.ID_ORDER)).toList();
    }

    /** All incidents in {@link #ANALYST_ORDER}. */
    public List<Incident> incidentsForAnalyst() {
        return result.incidents().stream().sorted(ANALYST_ORDER).toList();
    }

    /** Ids of the incidents that contain the finding, in id order; empty when none does. */
    public List<String> incidentsOf(Finding f) {
        if (f.id() == null) {
            return List.of();
        }
        return List.copyOf(incidentsOfFinding.getOrDefault(f.id(), Set.of()));
    }

    /** Findings of the scan that no incident contains, by id. */
    public List<Finding> findingsOutsideIncidents() {
        return findingsById().stream().filter(f -> incidentsOf(f).isEmpty()).toList();
    }

    /** Incident count per decision, every decision present. */
    public Map<Decision, Long> incidentsByDecision() {
        Map<Decision, Long> counts = new LinkedHashMap<>();
        for (Decision d : Decision.values()) {
            counts.put(d, 0L);
        }
        result.incidents().forEach(i -> counts.merge(i.decision(), 1L, Long::sum));
        return counts;
    }

    /** Finding count per detector id, sorted by detector id. */
    public Map<String, Long> findingsByDetector() {
        Map<String, Long> counts = new TreeMap<>();
        result.findings().forEach(f -> counts.merge(f.detector(), 1L, Long::sum));
        return counts;
    }

    /** One evidence event with every finding and incident it supports. */
    public record TimelineEntry(CloudEvent event, List<String> findingIds, List<String> incidentIds) {
    }

    /**
     * Every evidence event of every finding (those in incidents too), once each, in time order; ties
     * broken by provider, event id and location so that the order never depends on input order.
     */
    public List<TimelineEntry> timeline() {
        List<Finding> all = new ArrayList<>(result.findings());
        result.incidents().forEach(i -> all.addAll(i.findings()));
        return timeline(all);
    }

    /** The evidence events of one incident's findings, once each, in the order of {@link #timeline()}. */
    public List<TimelineEntry> timelineOf(Incident incident) {
        return timeline(incident.findings());
    }

    private List<TimelineEntry> timeline(List<Finding> all) {
        Map<String, CloudEvent> events = new TreeMap<>();
        Map<String, Set<String>> findings = new TreeMap<>();
        Map<String, Set<String>> incidents = new TreeMap<>();
        for (Finding f : all) {
            for (CloudEvent e : f.evidence()) {
                String key = e.provider() + "\u0000" + e.eventId() + "\u0000" + e.origin().file() + "\u0000"
                        + e.origin().record();
                events.putIfAbsent(key, e);
                Set<String> fs = findings.computeIfAbsent(key, k -> new TreeSet<>(Text.ID_ORDER));
                Set<String> is = incidents.computeIfAbsent(key, k -> new TreeSet<>(Text.ID_ORDER));
                if (f.id() != null) {
                    fs.add(f.id());
                }
                is.addAll(incidentsOf(f));
            }
        }
        List<TimelineEntry> entries = new ArrayList<>(events.size());
        events.forEach((k, e) -> entries.add(new TimelineEntry(e, List.copyOf(findings.get(k)),
                List.copyOf(incidents.get(k)))));
        entries.sort(Comparator.comparingLong((TimelineEntry t) -> t.event().time())
                .thenComparing(t -> t.event().provider())
                .thenComparing(t -> t.event().eventId())
                .thenComparing(t -> t.event().origin().file())
                .thenComparingLong(t -> t.event().origin().record()));
        return entries;
    }
}
