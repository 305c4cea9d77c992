package dev.cadet.detectors.internal.incident;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Decision;
import dev.cadet.model.Finding;
import dev.cadet.model.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The T1651 playbook's "Decision for Escalation" as data. An incident is escalated when any
 * {@link Decision#ESCALATE_TIER2} rule holds for one of its findings, sent to Tier-1 review when only
 * review rules hold, and benign when no rule holds: then every finding is a command execution by
 * approved automation from approved sources. Adding a detector to a rule is one more id in its set.
 */
public final class EscalationPolicy {

    public static final String UNUSUAL_ACTIVITY = "unusual-activity";

    private static final PolicyRule.Condition ANY = (f, a) -> true;
    private static final PolicyRule.Condition PRINCIPAL_NOT_APPROVED = (f, a) -> !a.principalApproved(f.principal());
    private static final PolicyRule.Condition SOURCE_NOT_APPROVED = (f, a) -> !a.allSourcesApproved(f.evidence());
    /** The success closing a failed-then-success finding (its last evidence event) ran code on a machine. */
    private static final PolicyRule.Condition ENDS_IN_EXECUTION = (f, a) -> {
        CloudEvent last = f.evidence().get(f.evidence().size() - 1);
        return last.kind().runsOnMachine();
    };

    /** The rules, in the order their reasons are listed. */
    public static final List<PolicyRule> RULES = List.of(
            new PolicyRule("account-compromise", Decision.ESCALATE_TIER2, Set.of(
                    "failed-then-success",
                    "iam-then-command",
                    "login-anomaly",
                    "geo-anomaly"), ANY,
                    "Indicators of an account compromise; the playbook says: \"Escalate to Tier 2 if there are"
                            + " indicators of an account compromise, such as unusual IAM activity\"."),
            new PolicyRule("failed-attempts-then-execution", Decision.ESCALATE_TIER2, Set.of(
                    "failed-then-success"), ENDS_IN_EXECUTION,
                    "Failed attempts followed by a successful execution; the playbook says: \"Also, escalate if"
                            + " you find multiple failed attempts followed by a successful execution.\""),
            new PolicyRule("not-normal-operations", Decision.ESCALATE_TIER2, Set.of(
                    "rare-command",
                    "suspicious-command-content",
                    "command-spike"), PRINCIPAL_NOT_APPROVED,
                    "Commands that do not fit normal operations, by a principal that is not approved automation;"
                            + " the playbook says to escalate \"if the commands executed do not align with regular"
                            + " business operations, or if they're associated with known threat actor TTPs\"."),
            new PolicyRule("unapproved-principal", Decision.TIER1_REVIEW, Set.of(
                    "command-execution"), PRINCIPAL_NOT_APPROVED,
                    "Commands by a principal not in the approved automation list: validate with the owner; the"
                            + " playbook asks: \"Are the command executions associated with known, trusted users or"
                            + " processes?\""),
            new PolicyRule("unapproved-source", Decision.TIER1_REVIEW, Set.of(
                    "command-execution"), SOURCE_NOT_APPROVED,
                    "Commands from addresses not in the approved list; the playbook says: \"Validate whether the"
                            + " IP addresses associated with the commands are known and approved.\""));

    /** Said of findings that no rule above covers and that are not command executions. */
    public static final String UNUSUAL_ACTIVITY_TEXT = "Unusual activity without an escalation trigger: review it;"
            + " the playbook's key indicators: \"Sudden or unusual commands executed within virtual machines,"
            + " especially those not corresponding to normal operations.\"";

    private static final String COMMAND_EXECUTION = "command-execution";

    private final Approvals approvals;

    public EscalationPolicy(Approvals approvals) {
        this.approvals = approvals;
    }

    /** The decision and its reasons for one incident's findings (numbered, in time order). */
    public Verdict decide(List<Finding> findings) {
        List<Reason> reasons = new ArrayList<>();
        boolean escalate = false;
        boolean[] covered = new boolean[findings.size()];
        for (PolicyRule rule : RULES) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                if (rule.matches(findings.get(i), approvals)) {
                    ids.add(findings.get(i).id());
                    covered[i] = true;
                }
            }
            if (!ids.isEmpty()) {
                reasons.add(new Reason(rule.id(), rule.text(), ids));
                escalate |= rule.decision() == Decision.ESCALATE_TIER2;
            }
        }
        List<String> unusual = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (!covered[i] && !COMMAND_EXECUTION.equals(findings.get(i).detector())) {
                unusual.add(findings.get(i).id());
            }
        }
        if (!unusual.isEmpty()) {
            reasons.add(new Reason(UNUSUAL_ACTIVITY, UNUSUAL_ACTIVITY_TEXT, unusual));
        }
        Decision decision = escalate ? Decision.ESCALATE_TIER2
                : reasons.isEmpty() ? Decision.BENIGN : Decision.TIER1_REVIEW;
        return new Verdict(decision, reasons);
    }

    /** A decision with the reasons behind it (none for BENIGN). */
    public record Verdict(Decision decision, List<Reason> reasons) {

        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }
}
