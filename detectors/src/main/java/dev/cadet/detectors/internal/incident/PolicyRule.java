package dev.cadet.detectors.internal.incident;

import dev.cadet.model.Decision;
import dev.cadet.model.Finding;

import java.util.List;
import java.util.Set;

/**
 * One line of the escalation policy: which detectors' findings it looks at, an extra condition on a
 * finding, the decision it forces and the sentence (quoting the playbook) an analyst reads.
 *
 * @param id        rule id, as in {@link dev.cadet.model.Reason#rule()}
 * @param decision  the decision when the rule holds
 * @param detectors the detector ids whose findings the rule considers
 * @param condition what must also hold for such a finding
 * @param text      why, quoting the playbook line
 */
public record PolicyRule(String id, Decision decision, Set<String> detectors, Condition condition, String text) {

    /** A test of one finding, among the other findings of its incident, against the approvals. */
    @FunctionalInterface
    public interface Condition {
        boolean holds(Finding finding, List<Finding> incident, Approvals approvals);
    }

    public PolicyRule {
        detectors = Set.copyOf(detectors);
    }

    public boolean matches(Finding f, List<Finding> incident, Approvals approvals) {
        return detectors.contains(f.detector()) && condition.holds(f, incident, approvals);
    }
}
