package dev.cadet.cli.internal.demo;

import dev.cadet.model.CadetException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import static dev.cadet.cli.internal.demo.CloudTrailRecord.map;

/**
 * A week of CloudTrail from a small company, written as S3 delivery files ({@code .json.gz} under
 * {@code AWSLogs/<account>/CloudTrail/<region>/yyyy/MM/dd/}), with one planted intrusion.
 *
 * <p>Routine: SSM State Manager patches the web fleet nightly; a CI user deploys with
 * {@code AWS-RunShellScript} on weekdays from the CI runner; an SSO admin works in office hours and
 * opens one Session Manager session; developers sign in with MFA (one mistyped password);
 * instance roles and a monitoring function make background calls in three regions.
 *
 * <p>Intrusion, Thursday night: six failed console logins for the contractor {@code dave} from an
 * unknown IP, a success without MFA, an access key created and {@code AdministratorAccess} attached,
 * then {@code AWS-RunShellScript} sent with the new key to web servers in two regions.
 *
 * <p>Everything derives from the seed: the same seed writes the same bytes.
 */
public final class DemoData {

    public static final long DEFAULT_SEED = 1651L;
    static final String ACCOUNT = "111122223333";

    /** Canonical principals of the company's approved automation. */
    public static final List<String> APPROVED_PRINCIPALS = List.of(
            "arn:aws:sts::" + ACCOUNT + ":assumed-role/AWSServiceRoleForAmazonSSM/*",
            "arn:aws:iam::" + ACCOUNT + ":user/ci-deploy");
    /** The CI runners' network and the SSM service. */
    public static final List<String> APPROVED_SOURCES = List.of("203.0.113.0/28", "ssm.amazonaws.com");

    /** The planted intruder's user, address and new access key, for tests. */
    public static final String INTRUDER_PRINCIPAL = "arn:aws:iam::" + ACCOUNT + ":user/dave";
    public static final String INTRUDER_IP = "185.220.101.45";
    public static final String INTRUDER_KEY = "AKIA2DEMOINTRUDER7Q4X";

    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;
    private static final long WEEK_START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2");
    private static final List<String> WEB_FLEET = List.of("i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002",
            "i-0a1b2c3d4e5f60003", "i-0a1b2c3d4e5f60004", "i-0a1b2c3d4e5f60005", "i-0a1b2c3d4e5f60006");
    private static final String EU_BATCH = "i-0e9f8a7b6c5d40011";
    private static final String OFFICE_IP = "198.51.100.20";
    private static final String CI_IP = "203.0.113.10";
    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36";
    private static final String CLI = "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#5.15.0-1055-aws "
            + "md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe "
            + "md/distrib#ubuntu.22 md/prompt#off md/command#ssm.send-command";
    private static final String SDK = "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 "
            + "md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython exec-env#AWS_Lambda_python3.12 cfg/retry-mode#legacy "
            + "Botocore/1.34.51";

    private final long seed;
    private SplittableRandom rng;
    private List<CloudTrailRecord> records;

    public DemoData(long seed) {
        this.seed = seed;
    }

    /** Generates the week and writes it under {@code dir}; returns the number of files written. */
    public int writeTo(Path dir) {
        Map<String, List<CloudTrailRecord>> files = deliveryFiles(generate());
        try {
            for (Map.Entry<String, List<CloudTrailRecord>> file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path), 1 << 16)) {
                    CloudTrailRecord.writeFile(file.getValue(), out);
                }
            }
        } catch (IOException e) {
            throw new CadetException("cannot write demo logs under " + dir + ": " + e.getMessage(), e);
        }
        return files.size();
    }

    /** All records of the week, in generation order. */
    List<CloudTrailRecord> generate() {
        rng = new SplittableRandom(seed);
        records = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            long midnight = WEEK_START + day * 24 * HOUR;
            boolean weekday = day < 5;
            background(midnight);
            patchFleet(midnight + 3 * HOUR + minutes(0, 5));
            if (weekday) {
                ciDeploys(midnight);
                officeDay(midnight, day);
            }
        }
        intrusion(WEEK_START + 3 * 24 * HOUR + 2 * HOUR + 10 * MINUTE);
        return records;
    }

    private void background(long midnight) {
        for (String region : REGIONS) {
            for (long t = midnight; t < midnight + 24 * HOUR; t += 15 * MINUTE) {
                long at = t + seconds(0, 600);
                add(at, region, role("monitoring-lambda", "monitoring-fn"), "ec2", "DescribeInstances",
                        "lambda.amazonaws.com", SDK).request("instancesSet", map(), "filterSet", map());
            }
        }
        for (long t = midnight; t < midnight + 24 * HOUR; t += HOUR) {
            for (String instance : WEB_FLEET) {
                long at = t + seconds(0, 3000);
                add(at, "us-east-1", role("app-instance-role", instance), "ssm", "UpdateInstanceInformation",
                        "10.0.1." + (10 + WEB_FLEET.indexOf(instance)),
                        "aws-sdk-go/1.44.260 (go1.21.5; linux; amd64) amazon-ssm-agent/3.3.131.0")
                        .request("instanceId", instance, "agentVersion", "3.3.131.0", "platformType", "Linux");
            }
            add(t + seconds(0, 3000), "us-east-1", service("ec2.amazonaws.com"), "sts", "AssumeRole",
                    "ec2.amazonaws.com", "ec2.amazonaws.com")
                    .request("roleArn", "arn:aws:iam::" + ACCOUNT + ":role/app-instance-role",
                            "roleSessionName", WEB_FLEET.get(rng.nextInt(WEB_FLEET.size())));
        }
    }

    private void patchFleet(long at) {
        add(at, "us-east-1", ssmService(), "ssm", "SendCommand", "ssm.amazonaws.com", "ssm.amazonaws.com")
                .request("instanceIds", WEB_FLEET, "documentName", "AWS-RunPatchBaseline",
                        "parameters", "HIDDEN_DUE_TO_SECURITY_REASONS", "interactive", false)
                .response("command", command("AWS-RunPatchBaseline", WEB_FLEET, at));
    }

    private void ciDeploys(long midnight) {
        for (int hour : new int[] {10, 15}) {
            long at = midnight + hour * HOUR + minutes(0, 20);
            Map<String, Object> ci = iamUser("ci-deploy", "AIDA2DEMOCIDEPLOY0001", "AKIA2DEMOCIDEPLOY0001", null);
            add(at, "us-east-1", ci, "ssm", "SendCommand", CI_IP, CLI)
                    .request("targets", List.of(map("key", "tag:Role", "values", List.of("web"))),
                            "documentName", "AWS-RunShellScript", "timeoutSeconds", 600,
                            "parameters", "HIDDEN_DUE_TO_SECURITY_REASONS", "interactive", false)
                    .response("command", command("AWS-RunShellScript", List.of(), at));
            for (int i = 0; i < 3; i++) {
                add(at + seconds(20, 90), "us-east-1", ci, "ssm", "GetCommandInvocation", CI_IP, CLI)
                        .request("commandId", uuid(), "instanceId", WEB_FLEET.get(i));
            }
        }
    }

    private void officeDay(long midnight, int day) {
        Map<String, Object> alice = ssoAdmin("alice@example.com");
        String[] reads = {"DescribeInstances", "DescribeSecurityGroups", "DescribeVolumes", "DescribeVpcs"};
        for (int hour = 9; hour < 17; hour++) {
            for (int i = 0; i < 4; i++) {
                add(midnight + hour * HOUR + seconds(0, 3500), REGIONS.get(rng.nextInt(REGIONS.size())), alice,
                        "ec2", reads[rng.nextInt(reads.length)], OFFICE_IP, BROWSER).request("maxResults", 1000);
            }
        }
        if (day == 2) {
            long at = midnight + 14 * HOUR + 12 * MINUTE;
            add(at, "us-east-1", alice, "ssm", "StartSession", OFFICE_IP, BROWSER)
                    .request("target", WEB_FLEET.get(2))
                    .response("sessionId", "alice@example.com-0a1b2c3d4e5f6a7b8",
                            "streamUrl", "wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/alice",
                            "tokenValue", "HIDDEN_DUE_TO_SECURITY_REASONS");
        }
        for (String dev : new String[] {"bob", "carol", "dave"}) {
            if ("dave".equals(dev) && day > 1) {
                continue; // the contractor works Mondays and Tuesdays
            }
            long login = midnight + 9 * HOUR + minutes(0, 40);
            Map<String, Object> user = iamUser(dev, "AIDA2DEMO" + dev.toUpperCase() + "0001", null, null);
            boolean mfa = !"dave".equals(dev); // the contractor's account never got an MFA device
            if ("bob".equals(dev) && day == 1) {
                consoleLogin(login - 2 * MINUTE, user, OFFICE_IP, false, mfa);
            }
            consoleLogin(login, user, OFFICE_IP, true, mfa);
            Map<String, Object> session = iamUser(dev, "AIDA2DEMO" + dev.toUpperCase() + "0001",
                    "ASIA2DEMO" + dev.toUpperCase() + "SESS", mfa);
            for (int i = 0; i < 12; i++) {
                add(login + minutes(1, 400), "us-east-1", session, "ec2", reads[rng.nextInt(reads.length)],
                        OFFICE_IP, BROWSER).request("maxResults", 1000);
            }
        }
    }

    private void intrusion(long start) {
        String ip = INTRUDER_IP;
        String kali = "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0";
        String cli = "aws-cli/2.13.0 Python/3.11.4 Linux/6.1.0-kali9-amd64 exe/x86_64.kali.2023 prompt/off "
                + "command/ssm.send-command";
        Map<String, Object> failing = iamUser("dave", "AIDA2DEMODAVE0001", null, null);
        failing.remove("arn"); // failed console logins carry the user name but no ARN
        long t = start;
        for (int i = 0; i < 6; i++) {
            consoleLogin(t, failing, ip, false, false);
            t += seconds(25, 50);
        }
        t += 2 * MINUTE;
        consoleLogin(t, iamUser("dave", "AIDA2DEMODAVE0001", null, null), ip, true, false);
        Map<String, Object> console = iamUser("dave", "AIDA2DEMODAVE0001", "ASIA2DEMODAVEATTK", false);
        add(t += 3 * MINUTE, "us-east-1", console, "iam", "ListUsers", ip, kali).request("maxItems", 100);
        add(t += MINUTE, "us-east-1", console, "iam", "GetUser", ip, kali).request("userName", "dave");
        add(t += 3 * MINUTE, "us-east-1", console, "iam", "CreateAccessKey", ip, kali)
                .request("userName", "dave")
                .response("accessKey", map("userName", "dave", "accessKeyId", INTRUDER_KEY, "status", "Active",
                        "createDate", "Mar 5, 2026, 2:24:12 AM"));
        add(t += 2 * MINUTE, "us-east-1", console, "iam", "AttachUserPolicy", ip, kali)
                .request("userName", "dave", "policyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
        Map<String, Object> key = iamUser("dave", "AIDA2DEMODAVE0001", INTRUDER_KEY, null);
        add(t += 8 * MINUTE, "us-east-1", key, "ec2", "DescribeInstances", ip, cli).request("maxResults", 1000);
        add(t += MINUTE, "us-east-1", key, "ssm", "DescribeInstanceInformation", ip, cli).request("maxResults", 50);
        List<String> victims = WEB_FLEET.subList(0, 4);
        long sent = t += 2 * MINUTE;
        Map<String, Object> cmd = command("AWS-RunShellScript", victims, sent);
        add(sent, "us-east-1", key, "ssm", "SendCommand", ip, cli)
                .request("instanceIds", victims, "documentName", "AWS-RunShellScript",
                        "parameters", "HIDDEN_DUE_TO_SECURITY_REASONS", "interactive", false)
                .response("command", cmd);
        for (String victim : victims) {
            add(t += seconds(5, 20), "us-east-1", key, "ssm", "GetCommandInvocation", ip, cli)
                    .request("commandId", cmd.get("commandId"), "instanceId", victim);
        }
        long eu = t + 14 * MINUTE;
        add(eu, "eu-west-1", key, "ssm", "SendCommand", ip, cli)
                .request("instanceIds", List.of(EU_BATCH), "documentName", "AWS-RunShellScript",
                        "parameters", "HIDDEN_DUE_TO_SECURITY_REASONS", "interactive", false)
                .response("command", command("AWS-RunShellScript", List.of(EU_BATCH), eu));
    }

    private void consoleLogin(long at, Map<String, Object> user, String ip, boolean success, boolean mfa) {
        CloudTrailRecord r = add(at, "us-east-1", user, "signin", "ConsoleLogin", ip,
                "dave".equals(user.get("userName")) && !OFFICE_IP.equals(ip)
                        ? "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0" : BROWSER)
                .response("ConsoleLogin", success ? "Success" : "Failure")
                .additional("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23",
                        "MobileVersion", "No", "MFAUsed", mfa ? "Yes" : "No");
        if (!success) {
            r.set("errorMessage", "Failed authentication");
        }
    }

    private CloudTrailRecord add(long time, String region, Map<String, Object> identity, String service,
                                 String name, String ip, String agent) {
        CloudTrailRecord r = new CloudTrailRecord(time, region, uuid(), identity, service + ".amazonaws.com", name,
                ip, agent);
        records.add(r);
        return r;
    }

    private Map<String, Object> command(String document, List<String> instances, long at) {
        String requested = Instant.ofEpochMilli(at).toString();
        return map("commandId", uuid(), "documentName", document, "documentVersion", "$DEFAULT",
                "comment", "", "expiresAfter", Instant.ofEpochMilli(at + 2 * HOUR).toString(),
                "parameters", "HIDDEN_DUE_TO_SECURITY_REASONS", "instanceIds", instances, "targets", List.of(),
                "requestedDateTime", requested, "status", "Pending", "statusDetails", "Pending",
                "outputS3BucketName", "", "outputS3KeyPrefix", "", "maxConcurrency", "50", "maxErrors", "0",
                "targetCount", instances.size(), "completedCount", 0, "errorCount", 0, "deliveryTimedOutCount", 0,
                "serviceRole", "", "notificationConfig", map("notificationArn", "", "notificationEvents", List.of(),
                        "notificationType", ""), "interactive", false);
    }

    private static Map<String, Object> iamUser(String name, String principalId, String accessKey, Boolean mfa) {
        return Identities.iamUser(ACCOUNT, name, principalId, accessKey, mfa);
    }

    private Map<String, Object> role(String roleName, String session) {
        return assumedRole("arn:aws:iam::" + ACCOUNT + ":role/" + roleName, roleName, session, false);
    }

    private Map<String, Object> ssoAdmin(String session) {
        return assumedRole("arn:aws:iam::" + ACCOUNT
                + ":role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_5f2c8e1a9b3d4c7e",
                "AWSReservedSSO_AdministratorAccess_5f2c8e1a9b3d4c7e", session, true);
    }

    private Map<String, Object> ssmService() {
        Map<String, Object> id = assumedRole("arn:aws:iam::" + ACCOUNT
                        + ":role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM",
                "AWSServiceRoleForAmazonSSM", "StateManagerService", false);
        id.put("invokedBy", "ssm.amazonaws.com");
        return id;
    }

    private Map<String, Object> assumedRole(String roleArn, String roleName, String session, boolean mfa) {
        return Identities.assumedRole(ACCOUNT, roleArn, roleName, session, mfa);
    }

    private static Map<String, Object> service(String host) {
        return Identities.service(host);
    }

    /**
     * Groups records as CloudTrail delivers them: one file per account, region and 6-hour window,
     * named {@code <account>_CloudTrail_<region>_<yyyyMMdd'T'HHmm'Z'>_<unique>.json.gz}.
     */
    private Map<String, List<CloudTrailRecord>> deliveryFiles(List<CloudTrailRecord> all) {
        Map<String, List<CloudTrailRecord>> files = new TreeMap<>();
        for (CloudTrailRecord r : all) {
            long window = Math.floorDiv(r.time, 6 * HOUR) * 6 * HOUR;
            String name = CloudTrailRecord.deliveryPath(ACCOUNT, r.region, window + 6 * HOUR - 5 * MINUTE,
                    Integer.toHexString((r.region + window).hashCode()), true);
            files.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
        // CloudTrail does not order records inside a file; neither does the demo.
        SplittableRandom shuffle = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (List<CloudTrailRecord> file : files.values()) {
            for (int i = file.size() - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                CloudTrailRecord tmp = file.get(i);
                file.set(i, file.get(j));
                file.set(j, tmp);
            }
        }
        return files;
    }

    private String uuid() {
        long hi = rng.nextLong();
        long lo = rng.nextLong();
        return new java.util.UUID((hi & ~0xF000L) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    private long minutes(int from, int to) {
        return (from + rng.nextInt(to - from + 1)) * MINUTE;
    }

    private long seconds(int from, int to) {
        return (from + rng.nextInt(to - from + 1)) * 1000L + rng.nextInt(1000);
    }
}
