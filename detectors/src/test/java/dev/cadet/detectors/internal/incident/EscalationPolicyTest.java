package dev.cadet.detectors.internal.incident;

import dev.cadet.detectors.testkit.E;
import dev.cadet.detectors.testkit.F;
import dev.cadet.model.Decision;
import dev.cadet.model.Finding;
import dev.cadet.model.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cadet.detectors.testkit.E.role;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

    private static final String AUTOMATION = role("Patching", "run-1");
    private final EscalationPolicy policy = new EscalationPolicy(Approvals.of(
            List.of("arn:aws:sts::*:assumed-role/Patching/*"),
            List.of("10.0.0.0/8", "2001:db8::/32", "automation.example.com")));

    private static Finding commands(String id, String principal, String ip) {
        return F.from(id, "command-execution", E.command(principal).ip(ip).at("10:00").build());
    }

    @Test
    void failedAttemptsThenACommandEscalatesForTwoReasons() {
        Finding f = F.from("F-0001", "failed-then-success",
                E.denied(user("bob")).at("10:00").build(), E.denied(user("bob")).at("10:01").build(),
                E.denied(user("bob")).at("10:02").build(), E.command(user("bob")).at("10:03").build());
        EscalationPolicy.Verdict v = policy.decide(List.of(f));
        assertThat(v.decision()).isEqualTo(Decision.ESCALATE_TIER2);
        assertThat(v.reasons()).extracting(Reason::rule)
                .containsExactly("account-compromise", "failed-attempts-then-execution");
        assertThat(v.reasons().get(1).text()).contains("multiple failed attempts followed by a successful execution");
        assertThat(v.reasons().get(1).findingIds()).containsExactly("F-0001");
    }

    @Test
    void failedLoginsThenALoginIsAnAccountCompromiseIndicator() {
        Finding f = F.from("F-0001", "failed-then-success",
                E.loginFailed(user("bob")).at("10:00").build(), E.login(user("bob")).at("10:03").build());
        EscalationPolicy.Verdict v = policy.decide(List.of(f));
        assertThat(v.decision()).isEqualTo(Decision.ESCALATE_TIER2);
        assertThat(v.reasons()).extracting(Reason::rule).containsExactly("account-compromise");
        assertThat(v.reasons().get(0).text()).contains("such as unusual IAM activity");
    }

    @Test
    void iamThenCommandEscalates() {
        Finding f = F.from("F-0001", "iam-then-command", E.command(user("bob")).build());
        assertThat(policy.decide(List.of(f)).decision()).isEqualTo(Decision.ESCALATE_TIER2);
    }

    @Test
    void approvedAutomationFromApprovedSourcesIsBenign() {
        EscalationPolicy.Verdict v = policy.decide(List.of(
                commands("F-0001", AUTOMATION, "10.20.30.40"),
                commands("F-0002", AUTOMATION, "2001:db8:1::5"),
                F.from("F-0003", "command-execution", E.command(AUTOMATION).host("ssm.amazonaws.com").build()),
                F.from("F-0004", "command-execution", E.command(AUTOMATION).host("automation.example.com").build())));
        assertThat(v.decision()).isEqualTo(Decision.BENIGN);
        assertThat(v.reasons()).isEmpty();
    }

    @Test
    void approvedAutomationFromAnUnknownAddressIsReviewed() {
        EscalationPolicy.Verdict v = policy.decide(List.of(F.from("F-0001", "command-execution",
                E.command(AUTOMATION).ip("10.0.0.1").at("10:00").build(),
                E.command(AUTOMATION).ip("203.0.113.5").at("10:05").build())));
        assertThat(v.decision()).isEqualTo(Decision.TIER1_REVIEW);
        assertThat(v.reasons()).extracting(Reason::rule).containsExactly("unapproved-source");
    }

    @Test
    void anEventWithoutAnySourceIsNotApproved() {
        EscalationPolicy.Verdict v = policy.decide(List.of(F.from("F-0001", "command-execution",
                E.command(AUTOMATION).noSource().build())));
        assertThat(v.decision()).isEqualTo(Decision.TIER1_REVIEW);
    }

    @Test
    void commandsByAPrincipalThatIsNotApprovedAutomationAreReviewed() {
        EscalationPolicy.Verdict v = policy.decide(List.of(commands("F-0001", user("dev"), "10.0.0.1")));
        assertThat(v.decision()).isEqualTo(Decision.TIER1_REVIEW);
        assertThat(v.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("unapproved-principal");
            assertThat(r.text()).startsWithIgnoringCase(
                    "commands by a principal not in the approved automation list: validate with the owner");
        });
    }

    @Test
    void oneOtherFindingSpoilsBenign() {
        EscalationPolicy.Verdict v = policy.decide(List.of(commands("F-0001", AUTOMATION, "10.0.0.1"),
                F.from("F-0002", "some-future-detector", E.other(AUTOMATION).ip("10.0.0.1").build())));
        assertThat(v.decision()).isEqualTo(Decision.TIER1_REVIEW);
        assertThat(v.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(EscalationPolicy.UNUSUAL_ACTIVITY);
            assertThat(r.findingIds()).containsExactly("F-0002");
        });
    }

    @Test
    void aRareCommandAloneIsReviewedAndEscalatesOnlyWhenSomethingElseIsOff() {
        Finding rare = F.from("F-0001", "rare-command", E.command(user("dev")).build());
        EscalationPolicy.Verdict alone = policy.decide(List.of(rare));
        assertThat(alone.decision()).isEqualTo(Decision.TIER1_REVIEW);
        assertThat(alone.reasons()).extracting(Reason::rule).containsExactly(EscalationPolicy.UNUSUAL_ACTIVITY);

        Finding newSource = F.from("F-0002", "unknown-source", E.command(user("dev")).ip("203.0.113.99").build());
        EscalationPolicy.Verdict corroborated = policy.decide(List.of(rare, newSource));
        assertThat(corroborated.decision()).isEqualTo(Decision.ESCALATE_TIER2);
        assertThat(corroborated.reasons()).extracting(Reason::rule)
                .containsExactly("rare-and-unexplained", EscalationPolicy.UNUSUAL_ACTIVITY);
        assertThat(corroborated.reasons().get(0).findingIds()).containsExactly("F-0001");
    }

    @Test
    void aRareCommandByAPrincipalWithNoHistoryAtAllEscalates() {
        Finding f = F.from("F-0001", "rare-command", E.command(user("stranger")).build());
        Finding high = new Finding(f.id(), f.detector(), dev.cadet.model.Severity.HIGH, f.firstSeen(), f.lastSeen(),
                f.provider(), f.principal(), f.accessKeyId(), f.sourceIp(), f.action(), f.targets(), f.summary(),
                f.evidence());
        assertThat(policy.decide(List.of(high)).decision()).isEqualTo(Decision.ESCALATE_TIER2);
    }

    @Test
    void rareCommandsOfApprovedAutomationAreOnlyReviewed() {
        Finding rareByAutomation = F.from("F-0001", "rare-command", E.command(AUTOMATION).ip("10.0.0.1").build());
        EscalationPolicy.Verdict v = policy.decide(List.of(rareByAutomation));
        assertThat(v.decision()).isEqualTo(Decision.TIER1_REVIEW);
        assertThat(v.reasons()).extracting(Reason::rule).containsExactly(EscalationPolicy.UNUSUAL_ACTIVITY);
    }

    @Test
    void everyReasonQuotesThePlaybook() {
        for (PolicyRule rule : EscalationPolicy.RULES) {
            assertThat(rule.text()).as(rule.id()).contains("playbook").contains("\"");
        }
        assertThat(EscalationPolicy.RULES).extracting(PolicyRule::id).doesNotHaveDuplicates();
    }
}
