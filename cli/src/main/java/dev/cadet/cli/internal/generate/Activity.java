package dev.cadet.cli.internal.generate;

import dev.cadet.cli.internal.demo.CloudTrailRecord;
import dev.cadet.cli.internal.generate.Population.Account;
import dev.cadet.cli.internal.generate.Population.Actor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.cadet.cli.internal.demo.CloudTrailRecord.map;
import static dev.cadet.cli.internal.generate.Population.any;
import static dev.cadet.cli.internal.generate.Population.hex;
import static dev.cadet.cli.internal.generate.Population.skewed;
import static dev.cadet.cli.internal.generate.Population.tls;
import static dev.cadet.cli.internal.generate.Population.token;
import static dev.cadet.cli.internal.generate.Population.uuid;

/**
 * Routine CloudTrail activity of one account and region, one record at a time, in realistic
 * proportions: mostly reads by application and instance roles, writes, role assumptions, about 1%
 * Systems Manager (agent heartbeats, command polling, patching and deploys by approved automation, a
 * rare admin session), console sign-ins with a few percent failures, rare IAM changes by Terraform,
 * and a few percent of calls refused or throttled. Nothing here should look like an intrusion.
 */
final class Activity {

    private static final String[] BROWSERS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0"};
    private static final String[] CLIS = {
            "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#5.15.0-1055-aws md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off",
            "aws-cli/2.13.25 Python/3.11.5 Darwin/23.1.0 exe/x86_64 prompt/off command/ec2.describe-instances",
            "aws-sdk-java/2.25.6 Linux/5.10.210-201.852.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
            "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython exec-env#AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.51",
            "aws-sdk-go-v2/1.25.2 os/linux lang/go#1.22.0 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.149.1"};
    private static final String AGENT = "aws-sdk-go/1.44.260 (go1.21.5; linux; amd64) amazon-ssm-agent/3.3.131.0";
    private static final String CI_CLI = "aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#5.15.0-1055-aws "
            + "md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe "
            + "md/distrib#ubuntu.22 md/prompt#off md/command#ssm.send-command";
    private static final String TERRAFORM = "APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) "
            + "terraform-provider-aws/5.39.1 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go/1.50.30 "
            + "(go1.21.6; linux; amd64)";
    private static final String[] EC2_READS = {"DescribeInstances", "DescribeSecurityGroups", "DescribeVolumes",
            "DescribeSubnets", "DescribeVpcs", "DescribeNetworkInterfaces", "DescribeImages", "DescribeTags"};
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Account account;
    private final String region;
    private final SplittableRandom rng;

    Activity(Account account, String region, SplittableRandom rng) {
        this.account = account;
        this.region = region;
        this.rng = rng;
    }

    /** One routine record at {@code time}. */
    CloudTrailRecord next(long time) {
        int roll = rng.nextInt(10_000);
        CloudTrailRecord r;
        if (roll < 5600) {
            r = roleRead(time, rng.nextInt(4) == 0 ? skewed(account.instanceSessions, rng) : skewed(account.roleSessions, rng));
        } else if (roll < 7200) {
            r = humanRead(time);
        } else if (roll < 8800) {
            r = roleWrite(time, skewed(account.roleSessions, rng));
        } else if (roll < 9700) {
            r = assumeRole(time);
        } else if (roll < 9755) {
            r = heartbeat(time);
        } else if (roll < 9785) {
            r = commandPolling(time);
        } else if (roll < 9795) {
            r = automationCommand(time);
        } else if (roll < 9796 && rng.nextInt(4) == 0) {
            r = adminSession(time);
        } else if (roll < 9806) {
            r = consoleLogin(time, any(account.consoleUsers, rng), rng.nextInt(100) < 3);
        } else if (roll < 9808) {
            r = terraformIamChange(time);
        } else {
            r = humanRead(time);
        }
        if (roll < 8800 && rng.nextInt(100) < 3) {
            refuse(r);
        }
        return r;
    }

    // --- reads and writes ------------------------------------------------------------------------------

    private CloudTrailRecord roleRead(long time, Actor who) {
        int kind = rng.nextInt(6);
        return switch (kind) {
            case 0, 1 -> ec2Read(time, who, CLIS[3]);
            case 2 -> {
                String bucket = any(account.buckets, rng);
                yield call(time, who, "s3", rng.nextBoolean() ? "GetBucketAcl" : "GetBucketLocation", CLIS[3])
                        .request("bucketName", bucket, "Host", bucket + ".s3." + region + ".amazonaws.com", "acl", "")
                        .additional("SignatureVersion", "SigV4", "CipherSuite", "TLS_AES_128_GCM_SHA256",
                                "bytesTransferredIn", 0, "AuthenticationMethod", "AuthHeader",
                                "x-amz-id-2", token(rng, 56), "bytesTransferredOut", 420 + rng.nextInt(400))
                        .set("resources", List.of(map("accountId", account.id, "type", "AWS::S3::Bucket",
                                "ARN", "arn:aws:s3:::" + bucket)));
            }
            case 3 -> kms(time, who, "Decrypt");
            case 4 -> call(time, who, "sts", "GetCallerIdentity", CLIS[3]).set("readOnly", true);
            default -> call(time, who, "logs", "DescribeLogGroups", CLIS[2])
                    .request("logGroupNamePrefix", "/aws/lambda/" + any(account.roleNames, rng), "limit", 50);
        };
    }

    private CloudTrailRecord humanRead(long time) {
        boolean console = rng.nextBoolean();
        Actor who = console ? (rng.nextInt(3) == 0 ? any(account.admins, rng) : any(account.consoleUsers, rng))
                : skewed(account.users, rng);
        String agent = console ? BROWSERS[rng.nextInt(BROWSERS.length)] : CLIS[rng.nextInt(2)];
        CloudTrailRecord r = rng.nextInt(3) == 0
                ? call(time, who, "iam", rng.nextBoolean() ? "ListRoles" : "GetRole", agent)
                .request("roleName", any(account.roleNames, rng))
                : ec2Read(time, who, agent);
        if (console) {
            r.set("sessionCredentialFromConsole", "true");
        }
        return r;
    }

    private CloudTrailRecord ec2Read(long time, Actor who, String agent) {
        String name = EC2_READS[rng.nextInt(EC2_READS.length)];
        CloudTrailRecord r = call(time, who, "ec2", name, agent);
        if ("DescribeInstances".equals(name)) {
            return r.request("instancesSet", rng.nextBoolean() ? map()
                            : map("items", List.of(map("instanceId", any(account.instances, rng)))),
                    "filterSet", map("items", List.of(map("name", "instance-state-name",
                            "valueSet", map("items", List.of(map("value", "running")))))));
        }
        return r.request("maxResults", 1000, "filterSet", map("items", List.of(map("name", "vpc-id",
                "valueSet", map("items", List.of(map("value", "vpc-0" + hex(rng, 16))))))));
    }

    private CloudTrailRecord roleWrite(long time, Actor who) {
        int kind = rng.nextInt(4);
        return switch (kind) {
            case 0 -> {
                String instance = any(account.instances, rng);
                yield call(time, who, "ec2", "CreateTags", CLIS[4])
                        .request("resourcesSet", map("items", List.of(map("resourceId", instance))),
                                "tagSet", map("items", List.of(map("key", "last-deploy", "value", Long.toString(time / 1000)))))
                        .response("requestId", uuid(rng), "_return", true);
            }
            case 1 -> call(time, who, "logs", "CreateLogStream", CLIS[3])
                    .request("logGroupName", "/aws/lambda/" + any(account.roleNames, rng),
                            "logStreamName", "2026/03/02/[$LATEST]" + hex(rng, 32));
            case 2 -> kms(time, who, "GenerateDataKey");
            default -> call(time, who, "secretsmanager", "GetSecretValue", CLIS[2])
                    .request("secretId", "arn:aws:secretsmanager:" + region + ":" + account.id + ":secret:"
                            + any(account.roleNames, rng) + "/db-" + token(rng, 6))
                    .set("readOnly", true);
        };
    }

    private CloudTrailRecord kms(long time, Actor who, String name) {
        String key = "arn:aws:kms:" + region + ":" + account.id + ":key/" + uuid(rng);
        return call(time, who, "kms", name, CLIS[3])
                .request("encryptionAlgorithm", "SYMMETRIC_DEFAULT", "encryptionContext",
                        map("aws:lambda:FunctionArn", "arn:aws:lambda:" + region + ":" + account.id + ":function:"
                                + any(account.roleNames, rng)), "keySpec", "AES_256")
                .set("readOnly", "Decrypt".equals(name))
                .set("resources", List.of(map("accountId", account.id, "type", "AWS::KMS::Key", "ARN", key)));
    }

    private CloudTrailRecord assumeRole(long time) {
        boolean lambda = rng.nextBoolean();
        String role = any(account.roleNames, rng);
        String host = lambda ? "lambda.amazonaws.com" : "ec2.amazonaws.com";
        String session = lambda ? role + "-fn" : any(account.instances, rng);
        String keyId = "ASIA" + token(rng, 16);
        CloudTrailRecord r = new CloudTrailRecord(time, region, uuid(rng), map("type", "AWSService", "invokedBy", host),
                "sts.amazonaws.com", "AssumeRole", host, host)
                .request("roleArn", "arn:aws:iam::" + account.id + ":role/" + role, "roleSessionName", session)
                .response("credentials", map("accessKeyId", keyId, "sessionToken", token(rng, 180),
                                "expiration", EXPIRY.format(Instant.ofEpochMilli(time + 3_600_000L))),
                        "assumedRoleUser", map("assumedRoleId", "AROA" + token(rng, 17) + ":" + session,
                                "arn", "arn:aws:sts::" + account.id + ":assumed-role/" + role + "/" + session))
                .set("resources", List.of(map("accountId", account.id, "type", "AWS::IAM::Role",
                        "ARN", "arn:aws:iam::" + account.id + ":role/" + role)))
                .set("sharedEventID", uuid(rng));
        return finish(r, null);
    }

    // --- Systems Manager -------------------------------------------------------------------------------

    private CloudTrailRecord heartbeat(long time) {
        Actor who = any(account.instanceSessions, rng);
        String instance = (String) ((Map<?, ?>) who.identity()).get("arn");
        instance = instance.substring(instance.lastIndexOf('/') + 1);
        return call(time, who, "ssm", "UpdateInstanceInformation", AGENT)
                .request("instanceId", instance, "agentVersion", "3.3.131.0", "agentStatus", "Active",
                        "platformType", "Linux", "platformName", "Amazon Linux", "platformVersion", "2023",
                        "iPAddress", who.ip(), "computerName", "ip-" + who.ip().replace('.', '-') + ".ec2.internal",
                        "agentName", "amazon-ssm-agent", "availabilityZone", region + "a");
    }

    private CloudTrailRecord commandPolling(long time) {
        Actor who = rng.nextBoolean() ? account.ci : any(account.admins, rng);
        String agent = who == account.ci ? CI_CLI : BROWSERS[0];
        return switch (rng.nextInt(3)) {
            case 0 -> call(time, who, "ssm", "GetCommandInvocation", agent)
                    .request("commandId", uuid(rng), "instanceId", any(account.instances, rng));
            case 1 -> call(time, who, "ssm", "ListCommands", agent).request("maxResults", 50);
            default -> call(time, who, "ssm", "DescribeInstanceInformation", agent)
                    .request("maxResults", 50, "filters", List.of(map("key", "PingStatus", "values", List.of("Online"))));
        };
    }

    /** Patching by State Manager or a deploy by the CI user: approved automation from approved sources. */
    private CloudTrailRecord automationCommand(long time) {
        boolean patch = rng.nextBoolean();
        Actor who = patch ? account.ssm : account.ci;
        List<String> targets = new ArrayList<>();
        for (int i = 0, n = 2 + rng.nextInt(8); i < n; i++) {
            targets.add(any(account.instances, rng));
        }
        String document = patch ? "AWS-RunPatchBaseline" : "AWS-RunShellScript";
        return sendCommand(time, who, patch ? "ssm.amazonaws.com" : CI_CLI, document, targets);
    }

    private CloudTrailRecord adminSession(long time) {
        Actor who = any(account.admins, rng);
        String session = ((Map<?, ?>) who.identity()).get("arn").toString();
        session = session.substring(session.lastIndexOf('/') + 1) + "-" + hex(rng, 17);
        return call(time, who, "ssm", "StartSession", BROWSERS[0])
                .request("target", any(account.instances, rng))
                .response("sessionId", session, "streamUrl", "wss://ssmmessages." + region
                        + ".amazonaws.com/v1/data-channel/" + session, "tokenValue", "HIDDEN_DUE_TO_SECURITY_REASONS")
                .set("sessionCredentialFromConsole", "true");
    }

    CloudTrailRecord sendCommand(long time, Actor who, String agent, String document, List<String> instances) {
        String requested = Instant.ofEpochMilli(time - Math.floorMod(time, 1000L)).toString();
        return call(time, who, "ssm", "SendCommand", agent)
                .request("instanceIds", instances, "documentName", document, "timeoutSeconds", 600,
                        "parameters", "HIDDEN_DUE_TO_SECURITY_REASONS", "interactive", false)
                .response("command", map("commandId", uuid(rng), "documentName", document, "documentVersion", "$DEFAULT",
                        "comment", "", "expiresAfter", Instant.ofEpochMilli(time + 7_200_000L - Math.floorMod(time, 1000L))
                                .toString(), "parameters", "HIDDEN_DUE_TO_SECURITY_REASONS", "instanceIds", instances,
                        "targets", List.of(), "requestedDateTime", requested, "status", "Pending",
                        "statusDetails", "Pending", "outputS3BucketName", "", "outputS3KeyPrefix", "",
                        "maxConcurrency", "50", "maxErrors", "0", "targetCount", instances.size(), "completedCount", 0,
                        "errorCount", 0, "deliveryTimedOutCount", 0, "serviceRole", "",
                        "notificationConfig", map("notificationArn", "", "notificationEvents", List.of(),
                                "notificationType", ""), "interactive", false));
    }

    // --- identity ----------------------------------------------------------------------------------------

    CloudTrailRecord consoleLogin(long time, Actor who, boolean failed) {
        Map<String, Object> identity = who.identity();
        if (failed) {
            // Failed sign-ins name the user but carry no ARN or session.
            identity = map("type", "IAMUser", "principalId", identity.get("principalId"),
                    "accountId", account.id, "accessKeyId", "", "userName", identity.get("userName"));
        }
        CloudTrailRecord r = new CloudTrailRecord(time, "us-east-1", uuid(rng), identity, "signin.amazonaws.com",
                "ConsoleLogin", who.ip(), BROWSERS[rng.nextInt(BROWSERS.length)])
                .response("ConsoleLogin", failed ? "Failure" : "Success")
                .additional("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23",
                        "MobileVersion", "No", "MFAUsed", who.console() ? "Yes" : "No");
        if (failed) {
            r.set("errorMessage", "Failed authentication");
        }
        return finish(r, null);
    }

    private CloudTrailRecord terraformIamChange(long time) {
        String role = any(account.roleNames, rng);
        Actor who = account.terraform;
        return rng.nextBoolean()
                ? call(time, who, "iam", "AttachRolePolicy", TERRAFORM).request("roleName", role,
                "policyArn", "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess")
                : call(time, who, "iam", "PutRolePolicy", TERRAFORM).request("roleName", role,
                "policyName", role + "-inline", "policyDocument",
                "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action"
                        + "%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22*%22%7D%5D%7D");
    }

    // --- shared ------------------------------------------------------------------------------------------

    /** The user agent of Python code on AWS (Lambda, instances). */
    static String botoAgent() {
        return CLIS[3];
    }

    private void refuse(CloudTrailRecord r) {
        if (rng.nextInt(3) == 0) {
            r.error("ThrottlingException", "Rate exceeded");
        } else {
            String action = r.get("eventSource").toString().replace(".amazonaws.com", "") + ":" + r.get("eventName");
            r.error("ec2.amazonaws.com".equals(r.get("eventSource")) ? "Client.UnauthorizedOperation" : "AccessDenied",
                    "User: " + ((Map<?, ?>) r.get("userIdentity")).get("arn") + " is not authorized to perform: "
                            + action + " because no identity-based policy allows the " + action + " action");
        }
        r.set("responseElements", null);
    }

    /** A call by {@code who} from its usual address. */
    CloudTrailRecord call(long time, Actor who, String service, String name, String agent) {
        String host = service + ".amazonaws.com";
        CloudTrailRecord r = new CloudTrailRecord(time, region, uuid(rng), who.identity(), host, name, who.ip(), agent);
        return finish(r, who.ip().endsWith(".amazonaws.com") ? null : service + "." + region + ".amazonaws.com");
    }

    private CloudTrailRecord finish(CloudTrailRecord r, String tlsHost) {
        r.set("requestID", uuid(rng));
        r.set("recipientAccountId", account.id);
        if (tlsHost != null) {
            r.set("tlsDetails", tls(tlsHost));
        }
        return r;
    }
}
