package dev.cadet.detectors.internal.incident;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Decision;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Reason;
import dev.cadet.model.Severity;

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

    private static final PolicyRule.Condition ANY = (f, all, a) -> true;
    /** Neither approved automation nor inside a maintenance window that names the principal. */
    private static final PolicyRule.Condition NOT_APPROVED = (f, all, a) -> !a.approvedFor(f);
    private static final PolicyRule.Condition SOURCE_NOT_APPROVED = (f, all, a) -> !a.allSourcesApproved(f.evidence());
    private static final PolicyRule.Condition IN_WINDOW = (f, all, a) ->
            !a.principalApproved(f.principal()) && a.window(f) != null;
    /**
     * The success closing a failed-then-success finding (its last evidence event) ran code on a machine,
     * or the incident shows the same principal running code after that success (failed sign-ins, a
     * successful one, then commands).
     */
    private static final PolicyRule.Condition ENDS_IN_EXECUTION = (f, all, a) -> {
        CloudEvent last = f.evidence().get(f.evidence().size() - 1);
        return last.kind().runsOnMachine() || executedAfter(all, f.principal(), last.time());
    };
    /** A successful execution by the same principal follows the first refusal of the burst. */
    private static final PolicyRule.Condition FOLLOWED_BY_EXECUTION = (f, all, a) ->
            executedAfter(all, f.principal(), f.firstSeen());
    /** Detectors whose findings make a rare command more than a first time: a second, independent anomaly. */
    private static final Set<String> CORROBORATING = Set.of("unknown-source", "geo-anomaly", "login-anomaly",
            "command-spike", "iam-then-command", "failed-then-success");
    /**
     * A rare command by a principal that is not approved, which is more than a first time: the principal
     * has no history at all (HIGH), or another anomaly of the same principal sits in the incident.
     */
    private static final PolicyRule.Condition RARE_AND_CORROBORATED = (f, all, a) -> {
        if (a.approvedFor(f)) {
            return false;
        }
        if (f.severity().compareTo(Severity.HIGH) >= 0) {
            return true;
        }
        for (Finding g : all) {
            if (CORROBORATING.contains(g.detector()) && g.principal().equals(f.principal())) {
                return true;
            }
        }
        return false;
    };
    /** A HIGH or CRITICAL pattern whoever ran it; a MEDIUM one by a principal that is not approved. */
    private static final PolicyRule.Condition SERIOUS_PATTERN = (f, all, a) ->
            f.severity().compareTo(Severity.HIGH) >= 0 || !a.approvedFor(f);

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
            new PolicyRule("refused-then-executed", Decision.ESCALATE_TIER2, Set.of(
                    "denied-command-burst"), FOLLOWED_BY_EXECUTION,
                    "A burst of refused command executions, then a successful one by the same principal; the"
                            + " playbook says: \"Also, escalate if you find multiple failed attempts followed by a"
                            + " successful execution.\""),
            new PolicyRule("known-threat-technique", Decision.ESCALATE_TIER2, Set.of(
                    "suspicious-command-content"), SERIOUS_PATTERN,
                    "Command text of a known attacker technique (HIGH or CRITICAL whoever ran it; MEDIUM unless by"
                            + " approved automation); the playbook says to escalate \"if they're associated with known"
                            + " threat actor TTPs\"."),
            new PolicyRule("threat-intelligence-match", Decision.ESCALATE_TIER2, Set.of(
                    "ioc-match"), ANY,
                    "Activity matching a configured threat-intelligence indicator; the playbook asks: \"Is there any"
                            + " correlation with recent security advisories or threat intelligence information?\""),
            new PolicyRule("known-attack-path", Decision.ESCALATE_TIER2, Set.of(
                    "command-from-instance",
                    "user-data-swap"), NOT_APPROVED,
                    "Commands through a known attack path (a machine's identity reaching other machines, or a"
                            + " startup script swapped) by a principal that is not approved automation; the playbook"
                            + " says to escalate \"if they're associated with known threat actor TTPs\"."),
            new PolicyRule("not-normal-operations", Decision.ESCALATE_TIER2, Set.of(
                    "command-spike"), NOT_APPROVED,
                    "A spike of commands by a principal that is not approved automation, outside any maintenance"
                            + " window; the playbook says to escalate \"if the commands executed do not align with"
                            + " regular business operations\"."),
            new PolicyRule("rare-and-unexplained", Decision.ESCALATE_TIER2, Set.of(
                    "rare-command"), RARE_AND_CORROBORATED,
                    "Commands never seen before, by a principal that is not approved automation and either has no"
                            + " history or shows another anomaly (new source, impossible travel, anomalous sign-in,"
                            + " spike, IAM change, failed attempts); the playbook says to escalate \"if the commands"
                            + " executed do not align with regular business operations\"."),
            new PolicyRule("in-maintenance-window", Decision.TIER1_REVIEW, Set.of(
                    "rare-command",
                    "command-spike",
                    "unknown-source",
                    "command-from-instance",
                    "user-data-swap"), IN_WINDOW,
                    "Unusual commands inside an approved maintenance window that names the principal: confirm them"
                            + " with the change record; the playbook asks: \"Are the command executions associated"
                            + " with known, trusted users or processes?\""),
            new PolicyRule("unapproved-principal", Decision.TIER1_REVIEW, Set.of(
                    "command-execution"), NOT_APPROVED,
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

    /** True when an evidence event of the incident shows {@code principal} running code after {@code time}. */
    static boolean executedAfter(List<Finding> incident, String principal, long time) {
        for (Finding g : incident) {
            for (CloudEvent e : g.evidence()) {
                if (e.kind().runsOnMachine() && e.outcome() != Outcome.FAILURE && e.time() > time
                        && e.principal().equals(principal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The decision and its reasons for one incident's findings (numbered, in time order). */
    public Verdict decide(List<Finding> findings) {
        List<Reason> reasons = new ArrayList<>();
        boolean escalate = false;
        boolean[] covered = new boolean[findings.size()];
        for (PolicyRule rule : RULES) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                if (rule.matches(findings.get(i), findings, approvals)) {
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
