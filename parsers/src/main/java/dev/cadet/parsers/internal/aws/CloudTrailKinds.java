package dev.cadet.parsers.internal.aws;

import dev.cadet.model.EventKind;

import java.util.HashMap;
import java.util.Map;

import static dev.cadet.model.EventKind.AUTHENTICATION;
import static dev.cadet.model.EventKind.COMMAND_EXECUTION;
import static dev.cadet.model.EventKind.COMMAND_RECON;
import static dev.cadet.model.EventKind.CREDENTIAL_CHANGE;
import static dev.cadet.model.EventKind.INTERACTIVE_SESSION;
import static dev.cadet.model.EventKind.OTHER;
import static dev.cadet.model.EventKind.PRIVILEGE_CHANGE;
import static dev.cadet.model.EventKind.SCRIPT_DEFINITION;

/**
 * What each CloudTrail operation means for T1651: the AWS column of the architecture's kind table, in
 * one place. An operation not listed is {@link EventKind#OTHER}. Some operations count only when a
 * condition on the request holds (a userData change is a command; other attribute changes are not).
 */
final class CloudTrailKinds {

    /** A condition on the request that must hold for the operation to have its kind. */
    enum When {
        ALWAYS,
        /** ModifyInstanceAttribute that sets userData (as {@code userData} or {@code attribute: userData}). */
        USER_DATA_CHANGED,
        /** A launch template whose data carries userData. */
        LAUNCH_TEMPLATE_USER_DATA,
        /** DescribeInstanceAttribute reading userData. */
        USER_DATA_READ;

        boolean holds(CloudTrailRecord r) {
            return switch (this) {
                case ALWAYS -> true;
                case USER_DATA_CHANGED -> r.userDataGiven || "userData".equals(r.attribute);
                case LAUNCH_TEMPLATE_USER_DATA -> r.launchTemplateUserDataGiven;
                case USER_DATA_READ -> "userData".equals(r.attribute);
            };
        }
    }

    private record Rule(EventKind kind, When when) {
    }

    private static final Map<String, Rule> RULES = new HashMap<>();

    static {
        on(COMMAND_EXECUTION, "ssm:SendCommand", "ssm:StartAutomationExecution", "ssm:CreateAssociation");
        when(COMMAND_EXECUTION, When.USER_DATA_CHANGED, "ec2:ModifyInstanceAttribute");
        when(COMMAND_EXECUTION, When.LAUNCH_TEMPLATE_USER_DATA, "ec2:CreateLaunchTemplate",
                "ec2:CreateLaunchTemplateVersion");

        on(INTERACTIVE_SESSION, "ssm:StartSession", "ssm:ResumeSession",
                "ec2-instance-connect:SendSSHPublicKey", "ec2-instance-connect:SendSerialConsoleSSHPublicKey");

        on(SCRIPT_DEFINITION, "ssm:CreateDocument", "ssm:UpdateDocument", "ssm:ModifyDocumentPermission");

        on(COMMAND_RECON, "ssm:GetCommandInvocation", "ssm:ListCommands", "ssm:ListCommandInvocations",
                "ssm:DescribeInstanceInformation");
        when(COMMAND_RECON, When.USER_DATA_READ, "ec2:DescribeInstanceAttribute");

        on(AUTHENTICATION, "signin:ConsoleLogin", "signin:UserAuthentication", "sts:GetSessionToken",
                "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
                "sts:GetFederationToken");

        on(CREDENTIAL_CHANGE, "iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:CreateLoginProfile",
                "iam:UpdateLoginProfile");

        on(PRIVILEGE_CHANGE, "iam:AttachUserPolicy", "iam:AttachRolePolicy", "iam:AttachGroupPolicy",
                "iam:PutUserPolicy", "iam:PutRolePolicy", "iam:PutGroupPolicy", "iam:AddUserToGroup",
                "iam:UpdateAssumeRolePolicy", "iam:CreatePolicyVersion");
    }

    private CloudTrailKinds() {
    }

    /** The kind of an operation, {@code service:Operation} as in {@link dev.cadet.model.CloudEvent#action()}. */
    static EventKind kindOf(String action, CloudTrailRecord r) {
        Rule rule = RULES.get(action);
        return rule != null && rule.when().holds(r) ? rule.kind() : OTHER;
    }

    private static void on(EventKind kind, String... actions) {
        when(kind, When.ALWAYS, actions);
    }

    private static void when(EventKind kind, When when, String... actions) {
        for (String action : actions) {
            if (RULES.put(action, new Rule(kind, when)) != null) {
                throw new IllegalStateException("operation listed twice in the kind table: " + action);
            }
        }
    }
}
