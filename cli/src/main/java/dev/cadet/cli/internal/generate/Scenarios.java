package dev.cadet.cli.internal.generate;

import dev.cadet.cli.internal.demo.CloudTrailRecord;
import dev.cadet.cli.internal.demo.Identities;
import dev.cadet.cli.internal.generate.Population.Account;
import dev.cadet.cli.internal.generate.Population.Actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.cadet.cli.internal.demo.CloudTrailRecord.map;
import static dev.cadet.cli.internal.generate.Population.token;

/**
 * The attacks planted in a generated corpus, each with the principal it is about and the detectors that
 * must fire on it. Every scenario is a few dozen records spread over the delivery files of its account
 * and regions, like real activity.
 */
final class Scenarios {

    private static final long SECOND = 1000L;
    private static final long MINUTE = 60 * SECOND;
    private static final String KALI = "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0";
    private static final String ATTACK_CLI = "aws-cli/2.13.0 Python/3.11.4 Linux/6.1.0-kali9-amd64 exe/x86_64.kali.2023 "
            + "prompt/off command/ssm.send-command";

    /** A planted record and the delivery stream it belongs to. */
    record Planted(int account, String region, CloudTrailRecord record) {
    }

    private final Population population;
    private final SplittableRandom rng;
    private final List<Planted> records = new ArrayList<>();
    private final List<CorpusGenerator.Scenario> scenarios = new ArrayList<>();

    Scenarios(Population population, long seed) {
        this.population = population;
        this.rng = new SplittableRandom(seed ^ 0x7F4A7C159E3779B9L);
    }

    List<Planted> records() {
        return records;
    }

    List<CorpusGenerator.Scenario> scenarios() {
        return scenarios;
    }

    /**
     * A contractor's console password guessed from a Tor exit, then a new access key and administrator
     * rights, then shell commands on web servers in two regions (the demo's intrusion, at scale).
     */
    void bruteForceToCommand(long start) {
        int a = 0;
        Account account = population.accounts.get(a);
        String user = "contractor-quinn";
        String ip = "185.220.101.47";
        String userId = "AIDA" + token(rng, 17);
        Activity east = activity(a, "us-east-1");
        Actor failing = new Actor(Identities.iamUser(account.id, user, userId, null, null), ip, false, null);
        long t = start;
        for (int i = 0; i < 7; i++) {
            plant(a, "us-east-1", east.consoleLogin(t, failing, true));
            t += 20 * SECOND + rng.nextInt(30_000);
        }
        t += 2 * MINUTE;
        plant(a, "us-east-1", east.consoleLogin(t, failing, false));
        Actor console = new Actor(Identities.iamUser(account.id, user, userId, "ASIA" + token(rng, 16), false), ip,
                false, null);
        plant(a, "us-east-1", east.call(t += 3 * MINUTE, console, "iam", "ListUsers", KALI).request("maxItems", 100));
        String key = "AKIA" + token(rng, 16);
        plant(a, "us-east-1", east.call(t += 2 * MINUTE, console, "iam", "CreateAccessKey", KALI)
                .request("userName", user)
                .response("accessKey", map("userName", user, "accessKeyId", key, "status", "Active",
                        "createDate", "Mar 2, 2026, 2:24:12 AM")));
        plant(a, "us-east-1", east.call(t += 2 * MINUTE, console, "iam", "AttachUserPolicy", KALI)
                .request("userName", user, "policyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        Actor withKey = new Actor(Identities.iamUser(account.id, user, userId, key, null), ip, false, null);
        plant(a, "us-east-1", east.call(t += 8 * MINUTE, withKey, "ec2", "DescribeInstances", ATTACK_CLI)
                .request("maxResults", 1000));
        plant(a, "us-east-1", east.sendCommand(t += 2 * MINUTE, withKey, ATTACK_CLI, "AWS-RunShellScript",
                account.instances.subList(0, 5)));
        Activity west = activity(a, "eu-west-1");
        plant(a, "eu-west-1", west.sendCommand(t + 15 * MINUTE, withKey, ATTACK_CLI, "AWS-RunShellScript",
                account.instances.subList(5, 6)));
        scenario("brute-force-to-command", "7 failed console sign-ins, a success without MFA, a new access key and "
                        + "AdministratorAccess, then shell commands on 6 instances in two regions",
                "arn:aws:iam::" + account.id + ":user/" + user, ip,
                List.of("failed-then-success", "iam-then-command", "command-execution"));
    }

    /** A stolen build-agent session tries SendCommand until one instance lets it in. */
    void deniedCommandsThenSuccess(long start) {
        int a = 1;
        Account account = population.accounts.get(a);
        String ip = "45.137.21.9";
        String role = "build-agent";
        Actor agent = new Actor(Identities.assumedRole(account.id, "arn:aws:iam::" + account.id + ":role/" + role, role,
                "runner-7f3a9c", false), ip, false, null);
        Activity east = activity(a, "us-east-1");
        long t = start;
        for (int i = 0; i < 6; i++) {
            String instance = account.instances.get(10 + i);
            CloudTrailRecord denied = east.sendCommand(t, agent, ATTACK_CLI, "AWS-RunShellScript", List.of(instance))
                    .error("AccessDenied", "User: arn:aws:sts::" + account.id + ":assumed-role/" + role
                            + "/runner-7f3a9c is not authorized to perform: ssm:SendCommand on resource: arn:aws:ec2:"
                            + "us-east-1:" + account.id + ":instance/" + instance
                            + " because no identity-based policy allows the ssm:SendCommand action");
            plant(a, "us-east-1", denied.set("responseElements", null));
            t += 45 * SECOND + rng.nextInt(60_000);
        }
        plant(a, "us-east-1", east.sendCommand(t + 3 * MINUTE, agent, ATTACK_CLI, "AWS-RunShellScript",
                account.instances.subList(20, 21)));
        scenario("denied-commands-then-success", "6 SendCommand calls refused with AccessDenied, then one that runs",
                "arn:aws:sts::" + account.id + ":assumed-role/" + role + "/runner-7f3a9c", ip,
                List.of("failed-then-success", "command-execution"));
    }

    /** An instance's own role sends a shell script to a dozen other instances: lateral movement. */
    void instanceRoleFanOut(long start) {
        int a = 0;
        Account account = population.accounts.get(a);
        String instance = "i-0d4c3b2a1f0e9d8c7";
        String ip = "10.0.7.23";
        String role = "web-instance-role";
        Actor self = new Actor(Identities.assumedRole(account.id, "arn:aws:iam::" + account.id + ":role/" + role, role,
                instance, false), ip, false, null);
        plant(a, "us-west-2", activity(a, "us-west-2").sendCommand(start, self, Activity.botoAgent(),
                "AWS-RunShellScript", account.instances.subList(30, 42)));
        scenario("instance-role-fan-out", "an instance role session sends AWS-RunShellScript to 12 other instances",
                "arn:aws:sts::" + account.id + ":assumed-role/" + role + "/" + instance, ip,
                List.of("command-execution"));
    }

    /** One address tries a dozen users' passwords, then gets into a service user without MFA. */
    void passwordSpray(long start) {
        int a = 2;
        Account account = population.accounts.get(a);
        String ip = "193.32.162.70";
        Activity signin = activity(a, "us-east-1");
        long t = start;
        for (int i = 0; i < 12; i++) {
            Actor victim = account.users.get(i * 7);
            Map<String, Object> identity = victim.identity();
            plant(a, "us-east-1", signin.consoleLogin(t, new Actor(identity, ip, false, null), true));
            t += 10 * SECOND + rng.nextInt(20_000);
        }
        String user = "svc-reporting";
        Actor found = new Actor(Identities.iamUser(account.id, user, "AIDA" + token(rng, 17), null, null), ip, false,
                null);
        plant(a, "us-east-1", signin.consoleLogin(t + MINUTE, found, false));
        scenario("password-spray", "12 failed console sign-ins for different users from one address, then a "
                        + "success without MFA", "arn:aws:iam::" + account.id + ":user/" + user, ip,
                List.of("failed-then-success"));
    }

    private Activity activity(int account, String region) {
        return new Activity(population.accounts.get(account), region, rng);
    }

    private void plant(int account, String region, CloudTrailRecord record) {
        records.add(new Planted(account, region, record));
    }

    private void scenario(String id, String description, String principal, String ip, List<String> detectors) {
        scenarios.add(new CorpusGenerator.Scenario(id, description, principal, ip, detectors));
    }
}
