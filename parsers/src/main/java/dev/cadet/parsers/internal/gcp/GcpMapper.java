package dev.cadet.parsers.internal.gcp;

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
import dev.cadet.parsers.internal.EventTimes;
import dev.cadet.parsers.internal.Principals;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.RecordException;
import dev.cadet.parsers.internal.Scripts;
import dev.cadet.parsers.internal.Sources;
import dev.cadet.parsers.internal.SyntheticIds;
import dev.cadet.parsers.internal.Targets;
import dev.cadet.parsers.internal.Texts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.cadet.parsers.internal.EventTimes.SlashDates.MONTH_FIRST;
import static dev.cadet.parsers.internal.Nulls.first;

/**
 * Turns a {@link GcpRecord} into a {@link CloudEvent}, following the mapping in {@code docs/input-formats.md}.
 * Log entries that are not audit entries (no {@code protoPayload}) are skipped; an audit entry without a
 * usable time or method is rejected.
 */
final class GcpMapper {

    /** google.rpc.Code names, by number: what {@code status.code} means. */
    private static final String[] CODES = {"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
            "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
            "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};

    private final ReadSession session;

    GcpMapper(ReadSession session) {
        this.session = session;
    }

    /** The event, or {@code null} for a log entry that is not an audit entry (skipped by rule). */
    CloudEvent map(GcpRecord r, Origin origin) {
        if (!r.protoPayload || (r.methodName == null && r.payloadType != null
                && !r.payloadType.endsWith("google.cloud.audit.AuditLog"))) {
            return null;
        }
        long time = time(r);
        if (r.methodName == null) {
            throw new RecordException("missing required field 'protoPayload.methodName'");
        }
        String action = session.intern(r.methodName);
        EventKind kind = GcpKinds.kindOf(r);
        Outcome outcome = outcome(r);
        String errorCode = null;
        String errorMessage = null;
        if (outcome == Outcome.FAILURE) {
            errorCode = codeName(r.statusCode);
            errorMessage = r.statusMessage;
        }
        Actor actor = actor(r);
        List<String> targets = new ArrayList<>(2);
        String subject = null;
        Command command = null;
        switch (kind) {
            case PRIVILEGE_CHANGE -> {
                List<String> roles = r.deltaRoles.isEmpty() ? r.policyRoles : r.deltaRoles;
                List<String> members = r.deltaRoles.isEmpty() ? r.policyMembers : r.deltaMembers;
                roles.forEach(role -> Targets.add(session, targets, role));
                if (targets.isEmpty()) {
                    Targets.add(session, targets, r.resourceName);
                }
                subject = members.stream().map(GcpMapper::member).filter(m -> m != null).findFirst().orElse(null);
            }
            case CREDENTIAL_CHANGE -> {
                Targets.add(session, targets, first(r.responseName, r.resourceName));
                subject = first(Principals.email(r.saEmail), serviceAccountOf(r.resourceName));
            }
            case AUTHENTICATION -> {
                // a token issue acts on no machine
            }
            default -> {
                // The resource name says which machine; the numeric instance id only when there is no name.
                Targets.add(session, targets, first(machine(r.resourceName), r.instanceId));
                if (kind == EventKind.COMMAND_EXECUTION) {
                    command = command(r);
                }
            }
        }
        String project = first(r.projectId, projectOf(r.logName));
        CloudScope cloud = session.parts().scope(session.intern(project), session.intern(first(r.zone, r.location)));
        String eventId = r.insertId != null ? r.insertId
                : SyntheticIds.of("gcp", r.timestamp, r.methodName, actor.principalId(), r.resourceName, r.callerIp);
        return new CloudEvent(Provider.GCP, eventId, time, kind, action, outcome, session.intern(errorCode),
                errorMessage, actor, Sources.of(session, r.callerIp, r.userAgent, null, null), targets,
                session.intern(subject), command, cloud, session.intern(r.operationId), origin);
    }

    /** {@code timestamp}; an excerpt without it may still carry the request's own time. */
    private long time(GcpRecord r) {
        String value = first(r.timestamp, r.requestTime);
        if (value == null) {
            throw new RecordException("missing required field 'timestamp'");
        }
        long millis = EventTimes.parseLoose(value, MONTH_FIRST);
        if (millis == EventTimes.INVALID) {
            throw new RecordException("field '" + (r.timestamp != null ? "timestamp" : "requestAttributes.time")
                    + "' is not a timestamp: " + Texts.quote(value, session.excerptChars())
                    + "; expected an RFC 3339 timestamp such as 2024-11-19T00:49:55.293368631Z");
        }
        return millis;
    }

    /**
     * A non-zero {@code status.code} is a failure. The first entry of a long-running operation (compute writes
     * one when it starts and one when it ends, under one operation id) does not know the outcome yet.
     */
    private static Outcome outcome(GcpRecord r) {
        if (r.statusCode != null && !r.statusCode.equals("0")) {
            return Outcome.FAILURE;
        }
        return r.operationFirst && !r.operationLast ? Outcome.UNKNOWN : Outcome.SUCCESS;
    }

    private static String codeName(String code) {
        if (code == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(code);
            return n >= 0 && n < CODES.length ? CODES[n] : code;
        } catch (NumberFormatException e) {
            return code;
        }
    }

    /**
     * The caller by e-mail, lower case (the same person as in Entra and Azure when the addresses match), else
     * its principal subject (workload identity federation); service accounts and Kubernetes identities are
     * services.
     */
    private Actor actor(GcpRecord r) {
        String email = Principals.email(r.principalEmail);
        String principal = first(email, r.principalEmail, r.principalSubject);
        if (principal == null) {
            return session.parts().actor(Actor.UNKNOWN_PRINCIPAL, PrincipalType.UNKNOWN, null, null, null, Mfa.UNKNOWN,
                    session.intern(r.delegatedBy), null);
        }
        PrincipalType type;
        String account = null;
        if (email != null && email.endsWith(".gserviceaccount.com")) {
            type = PrincipalType.SERVICE;
            account = serviceAccountProject(email);
        } else if (principal.startsWith("system:")) {
            type = PrincipalType.SERVICE;
        } else if (principal.startsWith("principal://") || principal.startsWith("principalSet://")) {
            type = PrincipalType.FEDERATED;
        } else {
            type = email != null ? PrincipalType.USER : PrincipalType.UNKNOWN;
        }
        return session.parts().actor(session.intern(principal), type, session.intern(first(r.principalEmail, principal)),
                session.intern(account), null, Mfa.UNKNOWN, session.intern(r.delegatedBy), null);
    }

    /** {@code name@project.iam.gserviceaccount.com} to {@code project}; Google-managed accounts have none. */
    private static String serviceAccountProject(String email) {
        int at = email.indexOf('@');
        String domain = email.substring(at + 1);
        return domain.endsWith(".iam.gserviceaccount.com")
                ? domain.substring(0, domain.length() - ".iam.gserviceaccount.com".length()) : null;
    }

    /** A policy member ({@code user:a@b.com}, {@code serviceAccount:...}) in the form principals take. */
    private static String member(String member) {
        if (member == null) {
            return null;
        }
        int colon = member.indexOf(':');
        String id = colon >= 0 ? member.substring(colon + 1) : member;
        String email = Principals.email(id);
        return email != null ? email : member;
    }

    /** {@code projects/-/serviceAccounts/<email>/keys/...} to the account's e-mail. */
    private static String serviceAccountOf(String resourceName) {
        if (resourceName == null) {
            return null;
        }
        int i = resourceName.indexOf("/serviceAccounts/");
        if (i < 0) {
            return null;
        }
        int start = i + "/serviceAccounts/".length();
        int end = resourceName.indexOf('/', start);
        return Principals.email(end < 0 ? resourceName.substring(start) : resourceName.substring(start, end));
    }

    /** {@code projects/p/zones/z/instances/vm/...} cut after the instance: the machine a command or session reached. */
    private static String machine(String resourceName) {
        if (resourceName == null) {
            return null;
        }
        int i = resourceName.indexOf("/instances/");
        if (i < 0) {
            return resourceName;
        }
        int start = i + "/instances/".length();
        int end = resourceName.indexOf('/', start);
        return end < 0 ? resourceName : resourceName.substring(0, end);
    }

    /** {@code projects/<project>/logs/...} to the project. */
    private static String projectOf(String logName) {
        if (logName == null || !logName.startsWith("projects/")) {
            return null;
        }
        int end = logName.indexOf('/', "projects/".length());
        return end < 0 ? null : logName.substring("projects/".length(), end);
    }

    /**
     * What a metadata change ran: the keys that run code or grant a login as the document, their values as
     * lines when the log has them (request items, or a delta entry written as {@code key value}). OS Config
     * jobs name no script in the audit log.
     */
    private Command command(GcpRecord r) {
        if (!GcpKinds.isMetadataChange(r.methodName)) {
            return new Command(null, List.of(), null, null);
        }
        Set<String> keys = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        for (String entry : r.metadataKeys) {
            String e = entry.strip();
            int space = indexOfWhitespace(e);
            String key = space < 0 ? e : e.substring(0, space);
            if (GcpKinds.isExecutingKey(key)) {
                keys.add(key);
                if (space >= 0) {
                    lines.addAll(Scripts.lines(e.substring(space + 1).strip()));
                }
            }
        }
        for (int i = 0; i < r.metadataItemKeys.size(); i++) {
            String key = r.metadataItemKeys.get(i);
            if (GcpKinds.isExecutingKey(key)) {
                keys.add(key);
                lines.addAll(Scripts.lines(r.metadataItemValues.get(i)));
            }
        }
        return new Command(session.intern(keys.isEmpty() ? null : String.join(",", keys)), lines, null, null);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
