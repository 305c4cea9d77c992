package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Mfa;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.cadet.parsers.Reads.record;
import static org.assertj.core.api.Assertions.assertThat;

/** The CloudTrail mapping, field by field, on minimal records. */
class CloudTrailMappingTest {

    private static CloudEvent one(String json) {
        return Reads.read("t.json", json).only();
    }

    @ParameterizedTest(name = "{0}:{1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "ssm.amazonaws.com|SendCommand||COMMAND_EXECUTION",
            "ssm.amazonaws.com|StartAutomationExecution||COMMAND_EXECUTION",
            "ssm.amazonaws.com|CreateAssociation||COMMAND_EXECUTION",
            "ec2.amazonaws.com|ModifyInstanceAttribute|\"requestParameters\":{\"instanceId\":\"i-1\",\"userData\":\"<sensitiveDataRemoved>\"}|COMMAND_EXECUTION",
            "ec2.amazonaws.com|ModifyInstanceAttribute|\"requestParameters\":{\"instanceId\":\"i-1\",\"attribute\":\"userData\",\"value\":\"x\"}|COMMAND_EXECUTION",
            "ec2.amazonaws.com|ModifyInstanceAttribute|\"requestParameters\":{\"instanceId\":\"i-1\",\"instanceType\":{\"value\":\"t3.large\"}}|OTHER",
            "ec2.amazonaws.com|CreateLaunchTemplate|\"requestParameters\":{\"launchTemplateData\":{\"userData\":\"<sensitiveDataRemoved>\"}}|COMMAND_EXECUTION",
            "ec2.amazonaws.com|CreateLaunchTemplate|\"requestParameters\":{\"launchTemplateData\":{\"imageId\":\"ami-1\"}}|OTHER",
            "ssm.amazonaws.com|StartSession||INTERACTIVE_SESSION",
            "ssm.amazonaws.com|ResumeSession||INTERACTIVE_SESSION",
            "ec2-instance-connect.amazonaws.com|SendSSHPublicKey||INTERACTIVE_SESSION",
            "ec2-instance-connect.amazonaws.com|SendSerialConsoleSSHPublicKey||INTERACTIVE_SESSION",
            "ssm.amazonaws.com|CreateDocument||SCRIPT_DEFINITION",
            "ssm.amazonaws.com|UpdateDocument||SCRIPT_DEFINITION",
            "ssm.amazonaws.com|ModifyDocumentPermission||SCRIPT_DEFINITION",
            "ssm.amazonaws.com|GetCommandInvocation||COMMAND_RECON",
            "ssm.amazonaws.com|ListCommands||COMMAND_RECON",
            "ssm.amazonaws.com|ListCommandInvocations||COMMAND_RECON",
            "ssm.amazonaws.com|DescribeInstanceInformation||COMMAND_RECON",
            "ec2.amazonaws.com|DescribeInstanceAttribute|\"requestParameters\":{\"attribute\":\"userData\"}|COMMAND_RECON",
            "ec2.amazonaws.com|DescribeInstanceAttribute|\"requestParameters\":{\"attribute\":\"disableApiTermination\"}|OTHER",
            "signin.amazonaws.com|ConsoleLogin||AUTHENTICATION",
            "signin.amazonaws.com|UserAuthentication||AUTHENTICATION",
            "sts.amazonaws.com|GetSessionToken||AUTHENTICATION",
            "sts.amazonaws.com|AssumeRole||AUTHENTICATION",
            "sts.amazonaws.com|AssumeRoleWithSAML||AUTHENTICATION",
            "sts.amazonaws.com|AssumeRoleWithWebIdentity||AUTHENTICATION",
            "sts.amazonaws.com|GetFederationToken||AUTHENTICATION",
            "iam.amazonaws.com|CreateAccessKey||CREDENTIAL_CHANGE",
            "iam.amazonaws.com|UpdateAccessKey||CREDENTIAL_CHANGE",
            "iam.amazonaws.com|CreateLoginProfile||CREDENTIAL_CHANGE",
            "iam.amazonaws.com|UpdateLoginProfile||CREDENTIAL_CHANGE",
            "iam.amazonaws.com|AttachUserPolicy||PRIVILEGE_CHANGE",
            "iam.amazonaws.com|AttachRolePolicy||PRIVILEGE_CHANGE",
            "iam.amazonaws.com|AttachGroupPolicy||PRIVILEGE_CHANGE",
            "iam.amazonaws.com|PutUserPolicy||PRIVILEGE_CHANGE",
            "iam.amazonaws.com|PutRolePolicy||PRIVILEGE_CHANGE",
            "iam.amazonaws.com|PutGroupPolicy||PRIVILEGE_CHANGE",
            "iam.amazonaws.com|AddUserToGroup||PRIVILEGE_CHANGE",
            "iam.amazonaws.com|UpdateAssumeRolePolicy||PRIVILEGE_CHANGE",
            "iam.amazonaws.com|CreatePolicyVersion||PRIVILEGE_CHANGE",
            "ssm.amazonaws.com|TerminateSession||OTHER",
            "ec2.amazonaws.com|RunInstances||OTHER",
            "s3.amazonaws.com|GetObject||OTHER",
    })
    void kindTable(String eventSource, String eventName, String extra, EventKind kind) {
        CloudEvent e = one(record(eventSource, eventName, extra));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.action()).isEqualTo(eventSource.replace(".amazonaws.com", "") + ":" + eventName);
    }

    @Test
    void eventSourcesOutsideAmazonawsKeepTheirName() {
        assertThat(one(record("custom.example.com", "DoThing", null)).action()).isEqualTo("custom.example.com:DoThing");
    }

    @Test
    void hiddenCommandParametersGiveNoLines() {
        CloudEvent e = one(record("ssm.amazonaws.com", "SendCommand",
                "\"requestParameters\":{\"documentName\":\"AWS-RunShellScript\",\"parameters\":\"HIDDEN_DUE_TO_SECURITY_REASONS\",\"instanceIds\":[\"*\"]}"));
        assertThat(e.command().document()).isEqualTo("AWS-RunShellScript");
        assertThat(e.command().lines()).isEmpty();
        assertThat(e.targets()).containsExactly("*");
    }

    @Test
    void commandEntriesSpanningLinesAreSplit() {
        CloudEvent e = one(record("ssm.amazonaws.com", "SendCommand",
                "\"requestParameters\":{\"parameters\":{\"commands\":[\"set -e\\nwhoami\",\"id\"]}}"));
        assertThat(e.command().lines()).containsExactly("set -e", "whoami", "id");
    }

    @Test
    void userDataThatIsNotBase64TextGivesNoLines() {
        String notBase64 = "\"requestParameters\":{\"instanceId\":\"i-1\",\"userData\":\"<sensitiveDataRemoved>\"}";
        assertThat(one(record("ec2.amazonaws.com", "ModifyInstanceAttribute", notBase64)).command().lines()).isEmpty();
        // base64 of bytes that are not UTF-8 (a gzip header)
        String binary = "\"requestParameters\":{\"instanceId\":\"i-1\",\"userData\":\"H4sIAAAAAAAA\"}";
        CloudEvent e = one(record("ec2.amazonaws.com", "ModifyInstanceAttribute", binary));
        assertThat(e.command().document()).isEqualTo("userData");
        assertThat(e.command().lines()).isEmpty();
        // the attribute/value form
        String attribute = "\"requestParameters\":{\"instanceId\":\"i-1\",\"attribute\":\"userData\",\"value\":\"ZWNobyBoaQ==\"}";
        assertThat(one(record("ec2.amazonaws.com", "ModifyInstanceAttribute", attribute)).command().lines())
                .containsExactly("echo hi");
    }

    @Test
    void outcomeFollowsErrorCodeOrTheSignInResult() {
        assertThat(one(record("ssm.amazonaws.com", "SendCommand", "\"errorCode\":\"AccessDenied\"")).outcome())
                .isEqualTo(Outcome.FAILURE);
        CloudEvent failedLogin = one(record("signin.amazonaws.com", "ConsoleLogin",
                "\"errorMessage\":\"Failed authentication\",\"responseElements\":{\"ConsoleLogin\":\"Failure\"},"
                        + "\"additionalEventData\":{\"MFAUsed\":\"No\"}"));
        assertThat(failedLogin.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failedLogin.errorCode()).isNull();
        assertThat(failedLogin.errorMessage()).isEqualTo("Failed authentication");
        assertThat(failedLogin.actor().mfa()).isEqualTo(Mfa.NOT_USED);
        assertThat(one(record("signin.amazonaws.com", "ConsoleLogin", "\"errorMessage\":\"Failed authentication\""))
                .outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(one(record("ssm.amazonaws.com", "SendCommand", null)).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void identityWithoutArnGetsACanonicalFallback() {
        String noArn = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA1\","
                + "\"accountId\":\"111122223333\",\"userName\":\"bob\"},\"eventTime\":\"2024-05-01T10:00:00Z\","
                + "\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"cn-north-1\"}";
        assertThat(one(noArn).principal()).isEqualTo("arn:aws-cn:iam::111122223333:user/bob");

        String principalOnly = noArn.replace("\"IAMUser\"", "\"AWSAccount\"").replace(",\"userName\":\"bob\"", "");
        CloudEvent account = one(principalOnly);
        assertThat(account.principal()).isEqualTo("arn:aws-cn:iam::111122223333:principal/AIDA1");
        assertThat(account.actor().type()).isEqualTo(PrincipalType.UNKNOWN);

        String nobody = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-05-01T10:00:00Z\","
                + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}";
        CloudEvent anonymous = one(nobody);
        assertThat(anonymous.principal()).isEqualTo("unknown");
        assertThat(anonymous.actor().displayName()).isNull();
    }

    @Test
    void missingEventIdGetsAStableSyntheticOne() {
        String noId = record("ssm.amazonaws.com", "SendCommand", null).replace("\"eventID\":\"ev-SendCommand\",", "");
        CloudEvent a = one(noId);
        CloudEvent b = one(noId);
        CloudEvent other = one(noId.replace("10:00:00Z", "10:00:01Z"));
        assertThat(a.eventId()).startsWith("synthetic-").isEqualTo(b.eventId()).isNotEqualTo(other.eventId());
    }

    @Test
    void sourceTellsIpsFromServiceHosts() {
        assertThat(one(record("s3.amazonaws.com", "GetObject", null)).source().ip()).isEqualTo("203.0.113.10");
        CloudEvent internal = one(record("s3.amazonaws.com", "GetObject", null)
                .replace("203.0.113.10", "AWS Internal"));
        assertThat(internal.source().ip()).isNull();
        assertThat(internal.source().serviceHost()).isEqualTo("AWS Internal");
        assertThat(internal.source().address()).isEqualTo("AWS Internal");
        assertThat(one(record("s3.amazonaws.com", "GetObject", null).replace("203.0.113.10", "fe80::1%eth0"))
                .source().ip()).isEqualTo("fe80::1%eth0");
    }

    @Test
    void groupPoliciesNameTheGroupAsSubject() {
        CloudEvent e = one(record("iam.amazonaws.com", "AttachGroupPolicy",
                "\"requestParameters\":{\"groupName\":\"Admins\",\"policyArn\":\"arn:aws:iam::aws:policy/ReadOnlyAccess\"}"));
        assertThat(e.subject()).isEqualTo("arn:aws:iam::111122223333:group/Admins");
        assertThat(e.targets()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void updateAccessKeyTargetsTheKeyItChanges() {
        CloudEvent e = one(record("iam.amazonaws.com", "UpdateAccessKey",
                "\"requestParameters\":{\"accessKeyId\":\"AKIAOLDKEY\",\"status\":\"Active\"}"));
        assertThat(e.targets()).containsExactly("AKIAOLDKEY");
        assertThat(e.subject()).isEqualTo("arn:aws:iam::111122223333:user/alice");
    }

    @Test
    void readOnlyIamCallsHaveNoSubject() {
        assertThat(one(record("iam.amazonaws.com", "GetUser", "\"requestParameters\":{\"userName\":\"bob\"}")).subject())
                .isNull();
        assertThat(one(record("iam.amazonaws.com", "CreateUser", "\"requestParameters\":{\"userName\":\"bob\"}")).subject())
                .isEqualTo("arn:aws:iam::111122223333:user/bob");
    }

    @Test
    void repeatedTargetsAreKeptOnceInLogOrder() {
        CloudEvent e = one(record("ssm.amazonaws.com", "SendCommand",
                "\"requestParameters\":{\"instanceIds\":[\"i-2\",\"i-1\",\"i-2\"],\"targets\":[{\"Key\":\"InstanceIds\",\"Values\":[\"i-1\",\"i-3\"]}]}"));
        assertThat(e.targets()).containsExactly("i-2", "i-1", "i-3");
    }

    @Test
    void s3NotificationRecordsAreSkippedNotMistakenForCloudTrail() {
        String notification = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\","
                + "\"awsRegion\":\"us-east-1\",\"eventTime\":\"2024-05-01T10:00:00.000Z\","
                + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}";
        Reads.Outcome out = Reads.read("s3-event.json", notification);
        assertThat(out.report().format()).isEqualTo("cloudtrail-records");
        assertThat(out.report().records()).isEqualTo(1);
        assertThat(out.report().skipped()).isEqualTo(1);
        assertThat(out.events()).isEmpty();
    }

    @Test
    void insightsAndOtherEventBridgeEventsAreSkipped() {
        String insight = "{\"detail-type\":\"AWS Insight via CloudTrail\",\"detail\":{\"eventVersion\":\"1.08\"}}";
        Reads.Outcome out = Reads.read("eb.json", insight);
        assertThat(out.report().format()).isEqualTo("cloudtrail-eventbridge");
        assertThat(out.report().skipped()).isEqualTo(1);
        assertThat(out.events()).isEmpty();
    }
}
