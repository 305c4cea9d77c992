package dev.cadet.detectors.internal.incident;

import dev.cadet.model.Answer;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.ContainmentStep;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Numbers the findings, groups them into incidents, decides each and numbers the incidents. */
public final class Assembly {

    /**
     * The order that gives findings their ids: first seen, detector, principal, first evidence event id,
     * then enough further fields that two different findings never tie.
     */
    public static final Comparator<Finding> FINDING_ORDER = Comparator.comparingLong(Finding::firstSeen)
            .thenComparing(Finding::detector)
            .thenComparing(Finding::principal)
            .thenComparing(f -> f.evidence().get(0).eventId())
            .thenComparingLong(Finding::lastSeen)
            .thenComparing(f -> f.evidence().get(0).provider())
            .thenComparing(Finding::severity)
            .thenComparing(Finding::summary);

    private Assembly() {
    }

    /** The findings sorted and numbered {@code F-0001}... */
    public static List<Finding> number(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(FINDING_ORDER);
        List<Finding> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            out.add(sorted.get(i).withId(String.format("F-%04d", i + 1)));
        }
        return out;
    }

    /** Incidents from numbered findings, escalations first, then by severity (highest first) and first seen. */
    public static List<Incident> incidents(List<Finding> numbered, long gapMillis, EscalationPolicy policy,
                                           Context context) {
        List<Draft> drafts = new ArrayList<>();
        for (List<Finding> group : Correlator.group(numbered, gapMillis)) {
            drafts.add(draft(group, policy, context));
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.verdict.decision())
                .thenComparing(d -> d.severity, Comparator.reverseOrder())
                .thenComparingLong(d -> d.firstSeen)
                .thenComparing(d -> d.findings.get(0).id()));
        List<Incident> out = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            out.add(new Incident(String.format("INC-%03d", i + 1), d.verdict.decision(), d.severity,
                    List.copyOf(d.principals), List.copyOf(d.accessKeys), List.copyOf(d.sourceIps),
                    List.copyOf(d.targets), d.firstSeen, d.lastSeen, d.verdict.reasons(), d.findings, d.containment, d.analysis, d.l1Checks));
        }
        return out;
    }

    private static Draft draft(List<Finding> findings, EscalationPolicy policy, Context context) {
        Draft d = new Draft(findings, policy.decide(findings));
        for (Finding f : findings) {
            d.severity = d.severity.max(f.severity());
            d.firstSeen = Math.min(d.firstSeen, f.firstSeen());
            d.lastSeen = Math.max(d.lastSeen, f.lastSeen());
            d.principals.add(f.principal());
            addIfPresent(d.accessKeys, f.accessKeyId());
            addIfPresent(d.sourceIps, f.sourceIp());
            d.targets.addAll(f.targets());
            for (CloudEvent e : f.evidence()) {
                addIfPresent(d.accessKeys, e.actor().accessKeyId());
                addIfPresent(d.sourceIps, e.source().ip());
            }
        }
        d.containment = Containment.steps(d.verdict.decision(), findings, d.lastSeen);
        d.analysis = Analysis.questions(findings, context);
        d.l1Checks = Analysis.l1Checks(findings, context);
        return d;
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static final class Draft {
        final List<Finding> findings;
        final EscalationPolicy.Verdict verdict;
        Severity severity = Severity.INFO;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        final Set<String> principals = new TreeSet<>();
        final Set<String> accessKeys = new TreeSet<>();
        final Set<String> sourceIps = new TreeSet<>();
        final Set<String> targets = new TreeSet<>();
        List<ContainmentStep> containment;
        List<Answer> analysis;
        List<Answer> l1Checks;

        Draft(List<Finding> findings, EscalationPolicy.Verdict verdict) {
            this.findings = findings;
            this.verdict = verdict;
        }
    }
}
