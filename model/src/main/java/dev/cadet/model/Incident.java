package dev.cadet.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Findings that belong together (same principal, access key or source, close in time), with the
 * decision the escalation policy took for them.
 *
 * @param id          stable id ({@code INC-001}), ordered by severity then time
 * @param decision    what the Tier-1 analyst should do
 * @param severity    the highest severity among the findings
 * @param principals  canonical principals involved, sorted
 * @param accessKeys  access keys involved, sorted
 * @param sourceIps   source addresses involved, sorted
 * @param targets     machines involved, sorted
 * @param firstSeen   earliest evidence time, epoch millis
 * @param lastSeen    latest evidence time, epoch millis
 * @param reasons     the policy rules that held, each naming its findings; empty for BENIGN
 * @param findings    the findings, in time order
 * @param containment Tier-2 and containment steps to review
 * @param analysis    the playbook's analysis questions, each answered with evidence or "no evidence"
 * @param l1Checks    the playbook's additional Tier-1 analysis steps, each with its result
 */
public record Incident(String id, Decision decision, Severity severity, List<String> principals,
                       List<String> accessKeys, List<String> sourceIps, List<String> targets, long firstSeen,
                       long lastSeen, List<Reason> reasons, List<Finding> findings,
                       List<ContainmentStep> containment, List<Answer> analysis, List<Answer> l1Checks) implements Serializable {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(severity, "severity");
        principals = List.copyOf(principals);
        accessKeys = List.copyOf(accessKeys);
        sourceIps = List.copyOf(sourceIps);
        targets = List.copyOf(targets);
        reasons = List.copyOf(reasons);
        findings = List.copyOf(findings);
        containment = List.copyOf(containment);
        analysis = List.copyOf(analysis);
        l1Checks = List.copyOf(l1Checks);
    }
}
