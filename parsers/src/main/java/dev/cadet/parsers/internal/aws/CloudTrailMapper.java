package dev.cadet.parsers.internal.aws;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Command;
import dev.cadet.model.EventKind;
import dev.cadet.model.Mfa;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.Source;
import dev.cadet.parsers.internal.EventTimes;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.RecordException;
import dev.cadet.parsers.internal.Scripts;
import dev.cadet.parsers.internal.Sources;
import dev.cadet.parsers.internal.SyntheticIds;
import dev.cadet.parsers.internal.Targets;
import dev.cadet.parsers.internal.Texts;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.cadet.parsers.internal.Nulls.first;

/**
 * Turns the fields picked from one CloudTrail record into a {@link CloudEvent}, following the mapping in
 * {@code docs/input-formats.md}. A record without a usable time, source or operation is rejected; any
 * other missing field just leaves its part of the event empty.
 */
final class CloudTrailMapper {

    private static final String SUFFIX = ".amazonaws.com";
    private static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";

    private final ReadSession session;
    private final CloudTrailActors actors = CloudTrailActors.forThisThread();
    private final List<String> targets = new ArrayList<>();
    /** eventSource, then eventName, to the shared action string: no concatenation per record. */
    private final Map<String, Map<String, String>> actions = new HashMap<>();

    CloudTrailMapper(ReadSession session) {
        this.session = session;
    }

    /** The event, or {@code null} for a record that is skipped by rule. */
    CloudEvent map(CloudTrailRecord r, Origin origin) {
        if (r.eventSource != null && r.eventSource.startsWith("aws:")) {
            // S3, SNS and SQS notification records ("aws:s3") share the Records wrapper but are not audit records.
            return null;
        }
        long time = time(r);
        String eventSource = required(r.eventSourceToken, r.eventSource, "eventSource");
        String eventName = required(r.eventNameToken, r.eventName, "eventName");
        String action = action(eventSource, eventName);
        EventKind kind = CloudTrailKinds.kindOf(action, r);

        Mfa mfa = mfa(r, eventName);
        Actor actor = actors.get(r, mfa);
        if (actor == null) {
            actor = actor(r, mfa);
            actors.put(r, mfa, actor);
        }
        String account = first(r.recipientAccountId, r.id.accountId);
        CloudScope cloud = session.parts().scope(account, r.awsRegion);
        Outcome outcome = outcome(r, eventName);
        String subject = subject(r, kind, eventSource, eventName, actor, account);
        return new CloudEvent(Provider.AWS, eventId(r, actor), time, kind, action, outcome,
                r.errorCode, r.errorMessage, actor, source(r), targets(r, kind),
                subject, command(r, kind, eventSource), cloud, null, origin);
    }

    // --- required fields ---------------------------------------------------------------------------

    private long time(CloudTrailRecord r) {
        JsonToken t = r.eventTimeToken;
        if (t == null || t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && r.eventTime.length() == 0)) {
            if (r.logstashTimestamp != null) {
                // Logstash exports move eventTime into @timestamp.
                long millis = EventTimes.parse(r.logstashTimestamp);
                if (millis == EventTimes.INVALID) {
                    throw new RecordException("missing required field 'eventTime', and '@timestamp' is not a timestamp: "
                            + Texts.quote(r.logstashTimestamp, session.excerptChars()));
                }
                return millis;
            }
            throw new RecordException("missing required field 'eventTime'");
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new RecordException("field 'eventTime' must be a string, found " + Texts.describe(t)
                    + "; expected an ISO-8601 UTC timestamp such as 2021-07-29T23:53:26Z");
        }
        long millis = EventTimes.parseUtc(r.eventTime);
        if (millis == EventTimes.INVALID) {
            millis = EventTimes.parse(r.eventTimeText());
        }
        if (millis == EventTimes.INVALID) {
            throw new RecordException("field 'eventTime' is not a timestamp: " + Texts.quote(r.eventTimeText(),
                    session.excerptChars()) + "; expected an ISO-8601 UTC timestamp such as 2021-07-29T23:53:26Z");
        }
        return millis;
    }

    private static String required(JsonToken t, String value, String field) {
        // A number or boolean here is not an operation name: reading it as text would invent an action.
        if (t != null && t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
            throw new RecordException("field '" + field + "' must be a string, found " + Texts.describe(t));
        }
        if (value == null) {
            throw new RecordException("missing required field '" + field + "'");
        }
        return value;
    }

    private String action(String eventSource, String eventName) {
        Map<String, String> byName = actions.computeIfAbsent(eventSource, k -> new HashMap<>());
        String action = byName.get(eventName);
        if (action == null) {
            String service = eventSource.endsWith(SUFFIX)
                    ? eventSource.substring(0, eventSource.length() - SUFFIX.length()) : eventSource;
            action = service + ":" + eventName;
            byName.put(eventName, action);
        }
        return action;
    }

    /** CloudTrail's eventID; without one, a name-based UUID of what identifies the call, stable across runs. */
    private static String eventId(CloudTrailRecord r, Actor actor) {
        String id = r.eventId.text();
        return id != null ? id
                : SyntheticIds.of(r.requestId.text(), r.eventTimeText(), r.eventSource, r.eventName, actor.principalId(), r.sourceIp);
    }

    // --- outcome -----------------------------------------------------------------------------------

    private static Outcome outcome(CloudTrailRecord r, String eventName) {
        if (r.errorCode != null) {
            return Outcome.FAILURE;
        }
        // Sign-in events carry their result in the body, not in errorCode.
        String result = "ConsoleLogin".equals(eventName) ? r.consoleLogin
                : "UserAuthentication".equals(eventName) ? r.userAuthentication : null;
        if ("Success".equalsIgnoreCase(result)) {
            return Outcome.SUCCESS;
        }
        if ("Failure".equalsIgnoreCase(result) || (result == null && r.errorMessage != null)) {
            return Outcome.FAILURE;
        }
        return Outcome.SUCCESS;
    }

    // --- actor -------------------------------------------------------------------------------------

    private Actor actor(CloudTrailRecord r, Mfa mfa) {
        String type = r.id.type == null ? "" : r.id.type;
        String principal;
        PrincipalType principalType;
        String display;
        String issuer = null;
        switch (type) {
            case "IAMUser" -> {
                principal = fallbackPrincipal(r, true);
                principalType = PrincipalType.USER;
                display = first(r.id.userName, lastSegment(principal));
            }
            case "AssumedRole" -> {
                principal = fallbackPrincipal(r, false);
                String session = r.id.arn == null ? null : lastSegment(r.id.arn);
                principalType = session != null && session.startsWith("i-") ? PrincipalType.INSTANCE
                        : PrincipalType.ROLE;
                issuer = r.id.issuerArn;
                display = r.id.issuerUserName != null && session != null ? r.id.issuerUserName + "/" + session
                        : roleAndSession(principal);
            }
            case "Root" -> {
                principal = fallbackPrincipal(r, false);
                principalType = PrincipalType.ROOT;
                display = first(r.id.userName, "root");
            }
            case "FederatedUser" -> {
                principal = fallbackPrincipal(r, false);
                principalType = PrincipalType.FEDERATED;
                issuer = r.id.issuerArn;
                display = lastSegment(principal);
            }
            case "AWSService" -> {
                principal = r.id.invokedBy != null ? r.id.invokedBy : fallbackPrincipal(r, false);
                principalType = PrincipalType.SERVICE;
                display = principal;
            }
            case "IdentityCenterUser" -> {
                principal = r.id.identityStoreArn != null && r.id.onBehalfOfUserId != null
                        ? r.id.identityStoreArn + "/user/" + r.id.onBehalfOfUserId : fallbackPrincipal(r, false);
                principalType = PrincipalType.FEDERATED;
                display = first(r.additionalUserName, r.id.userName, r.id.onBehalfOfUserId);
            }
            case "SAMLUser", "WebIdentityUser" -> {
                principal = fallbackPrincipal(r, false);
                principalType = PrincipalType.FEDERATED;
                display = first(r.id.userName, lastSegment(principal));
            }
            default -> {
                principal = fallbackPrincipal(r, false);
                principalType = PrincipalType.UNKNOWN;
                display = first(r.id.userName, lastSegment(principal));
            }
        }
        if (Actor.UNKNOWN_PRINCIPAL.equals(principal)) {
            display = null;
        }
        return session.parts().actor(session.intern(principal), principalType, session.intern(display),
                session.intern(r.id.accountId), session.intern(r.id.accessKeyId), mfa, session.intern(issuer),
                session.intern(r.id.invokedBy));
    }

    /**
     * The identity's ARN; without one (failed sign-ins, SAML users), a canonical ARN built from what the
     * record has, so that the same principal gets the same id whether or not CloudTrail wrote its ARN.
     */
    private static String fallbackPrincipal(CloudTrailRecord r, boolean iamUser) {
        if (r.id.arn != null) {
            return r.id.arn;
        }
        String partition = partition(r);
        if (iamUser && r.id.userName != null && r.id.accountId != null) {
            return "arn:" + partition + ":iam::" + r.id.accountId + ":user/" + r.id.userName;
        }
        if (r.id.principalId != null && r.id.accountId != null) {
            return "arn:" + partition + ":iam::" + r.id.accountId + ":principal/" + r.id.principalId;
        }
        if (r.id.userName != null) {
            return r.id.userName;
        }
        return Actor.UNKNOWN_PRINCIPAL;
    }

    private static Mfa mfa(CloudTrailRecord r, String eventName) {
        if ("ConsoleLogin".equals(eventName) && r.mfaUsed != null) {
            return "Yes".equalsIgnoreCase(r.mfaUsed) ? Mfa.USED
                    : "No".equalsIgnoreCase(r.mfaUsed) ? Mfa.NOT_USED : Mfa.UNKNOWN;
        }
        if (r.id.mfaAuthenticated != null) {
            return "true".equalsIgnoreCase(r.id.mfaAuthenticated) ? Mfa.USED
                    : "false".equalsIgnoreCase(r.id.mfaAuthenticated) ? Mfa.NOT_USED : Mfa.UNKNOWN;
        }
        return Mfa.UNKNOWN;
    }

    /** {@code arn:aws:sts::1:assumed-role/Role/Session} to {@code Role/Session}. */
    private static String roleAndSession(String arn) {
        int i = arn.indexOf(":assumed-role/");
        return i >= 0 ? arn.substring(i + ":assumed-role/".length()) : lastSegment(arn);
    }

    /** The part after the last '/' of an ARN, or after its last ':' when it has no path. */
    private static String lastSegment(String arn) {
        if (arn == null || Actor.UNKNOWN_PRINCIPAL.equals(arn)) {
            return null;
        }
        int slash = arn.lastIndexOf('/');
        int colon = arn.lastIndexOf(':');
        String last = arn.substring(Math.max(slash, colon) + 1);
        return last.isEmpty() ? null : last;
    }

    /** The ARN partition of the caller ({@code aws}, {@code aws-us-gov}, {@code aws-cn}), from its ARNs or region. */
    private static String partition(CloudTrailRecord r) {
        String fromArn = partitionOf(r.id.arn != null ? r.id.arn : r.id.issuerArn);
        if (fromArn != null) {
            return fromArn;
        }
        if (r.awsRegion != null) {
            if (r.awsRegion.startsWith("us-gov-")) {
                return "aws-us-gov";
            }
            if (r.awsRegion.startsWith("cn-")) {
                return "aws-cn";
            }
        }
        return "aws";
    }

    private static String partitionOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        int end = arn.indexOf(':', 4);
        return end > 4 ? arn.substring(4, end) : null;
    }

    // --- source, targets, subject, command ---------------------------------------------------------

    private Source source(CloudTrailRecord r) {
        return Sources.of(session, r.sourceIp, r.userAgent, null, null);
    }

    /** The event's targets, in a list reused record after record: the event keeps a copy. */
    private List<String> targets(CloudTrailRecord r, EventKind kind) {
        List<String> targets = this.targets;
        targets.clear();
        switch (kind) {
            case CREDENTIAL_CHANGE -> {
                Targets.add(session, targets, r.newAccessKeyId);
                Targets.add(session, targets, r.requestAccessKeyId);
            }
            case PRIVILEGE_CHANGE -> Targets.add(session, targets, first(r.policyArn, r.policyName, r.groupName));
            case AUTHENTICATION -> {
                // a sign-in or token issue acts on no machine
            }
            default -> {
                Targets.addAll(session, targets, r.instanceIds);
                Targets.addAll(session, targets, r.targetSelectors);
                Targets.add(session, targets, r.target);
                Targets.add(session, targets, r.instanceId);
                Targets.addAll(session, targets, r.setInstanceIds);
                Targets.addAll(session, targets, r.responseInstanceIds);
            }
        }
        return targets;
    }

    /** Keeps log order and drops repeats: a target set is small, so a list scan beats a hash set. */

    /**
     * The IAM principal an identity change acts upon, in canonical ARN form: the user, role or group named
     * in the request, or the caller itself for a credential change on its own account.
     */
    private String subject(CloudTrailRecord r, EventKind kind, String eventSource, String eventName, Actor actor,
                           String account) {
        boolean identityChange = kind == EventKind.CREDENTIAL_CHANGE || kind == EventKind.PRIVILEGE_CHANGE;
        boolean iamWrite = "iam.amazonaws.com".equals(eventSource) && !eventName.startsWith("Get")
                && !eventName.startsWith("List") && !eventName.startsWith("Generate")
                && !eventName.startsWith("Simulate");
        if (!identityChange && !iamWrite) {
            return null;
        }
        String prefix = "arn:" + partition(r) + ":iam::" + (account == null ? "" : account) + ":";
        if (r.userName != null) {
            return session.intern(prefix + "user/" + r.userName);
        }
        if (r.roleName != null) {
            return session.intern(prefix + "role/" + r.roleName);
        }
        if (r.groupName != null) {
            return session.intern(prefix + "group/" + r.groupName);
        }
        return kind == EventKind.CREDENTIAL_CHANGE && !Actor.UNKNOWN_PRINCIPAL.equals(actor.principalId())
                ? actor.principalId() : null;
    }

    private Command command(CloudTrailRecord r, EventKind kind, String eventSource) {
        boolean ssm = "ssm.amazonaws.com".equals(eventSource);
        if (ssm && (kind == EventKind.COMMAND_EXECUTION || kind == EventKind.SCRIPT_DEFINITION)) {
            String document = kind == EventKind.SCRIPT_DEFINITION ? first(r.name, r.documentName)
                    : first(r.documentName, r.name);
            return new Command(session.intern(document), lines(r.commands), r.commandId, outputLocation(r));
        }
        if (kind == EventKind.COMMAND_EXECUTION) {
            String userData = r.userDataGiven ? r.userData
                    : r.launchTemplateUserDataGiven ? r.launchTemplateUserData : r.attributeValue;
            return new Command("userData", Scripts.base64Lines(userData), null, null);
        }
        return null;
    }

    /** SSM {@code commands} entries may hold several lines each; CloudTrail usually hides them all. */
    private static List<String> lines(List<String> commands) {
        if (commands.isEmpty() || (commands.size() == 1 && HIDDEN.equals(commands.get(0)))) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(commands.size());
        Scripts.addLines(lines, commands);
        return lines;
    }

    private static String outputLocation(CloudTrailRecord r) {
        String bucket = first(r.outputBucket, r.responseOutputBucket);
        if (bucket == null) {
            return null;
        }
        String prefix = r.outputBucket != null ? r.outputPrefix : r.responseOutputPrefix;
        return "s3://" + bucket + (prefix == null ? "" : "/" + prefix);
    }
}
