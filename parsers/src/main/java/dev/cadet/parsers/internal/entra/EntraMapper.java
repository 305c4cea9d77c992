package dev.cadet.parsers.internal.entra;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.EventKind;
import dev.cadet.model.Mfa;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.Source;
import dev.cadet.parsers.internal.EventTimes;
import dev.cadet.parsers.internal.Principals;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.RecordException;
import dev.cadet.parsers.internal.Sources;
import dev.cadet.parsers.internal.SyntheticIds;
import dev.cadet.parsers.internal.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.cadet.parsers.internal.EventTimes.SlashDates.MONTH_FIRST;
import static dev.cadet.parsers.internal.Nulls.first;

/**
 * Turns an {@link EntraRecord} into a {@link CloudEvent} (provider {@code ENTRA}): a sign-in becomes an
 * {@code AUTHENTICATION}, a directory audit takes its kind from {@link EntraKinds}. See
 * {@code docs/input-formats.md} for the mapping.
 */
public final class EntraMapper {

    /** The Azure Monitor categories (and Log Analytics tables) that hold sign-ins, by their category name. */
    private static final Set<String> SIGN_IN_CATEGORIES = Set.of("signinlogs", "noninteractiveusersigninlogs",
            "serviceprincipalsigninlogs", "managedidentitysigninlogs", "aadnoninteractiveusersigninlogs",
            "aadserviceprincipalsigninlogs", "aadmanagedidentitysigninlogs");
    private static final String AUDIT_CATEGORY = "auditlogs";

    private final ReadSession session;

    public EntraMapper(ReadSession session) {
        this.session = session;
    }

    /** Whether an Azure Monitor record of this category is an Entra record (sign-in or audit). */
    public static boolean isEntraCategory(String category) {
        if (category == null) {
            return false;
        }
        String c = category.toLowerCase(Locale.ROOT);
        return SIGN_IN_CATEGORIES.contains(c) || AUDIT_CATEGORY.equals(c);
    }

    /** A sign-in or an audit, told by the envelope's category or the Log Analytics table, else by the fields. */
    public CloudEvent map(EntraRecord r, Origin origin) {
        String category = r.envCategory != null ? r.envCategory : r.tableType;
        if (category != null && AUDIT_CATEGORY.equals(category.toLowerCase(Locale.ROOT))) {
            return audit(r, origin);
        }
        if (category != null && SIGN_IN_CATEGORIES.contains(category.toLowerCase(Locale.ROOT))) {
            return signIn(r, origin);
        }
        return r.activityDisplayName != null ? audit(r, origin) : signIn(r, origin);
    }

    // --- sign-ins ----------------------------------------------------------------------------------

    private CloudEvent signIn(EntraRecord r, Origin origin) {
        long time = time(r.createdDateTime, "createdDateTime", r);
        String action = session.intern(signInAction(r));
        Outcome outcome = signInOutcome(r);
        String errorCode = outcome == Outcome.FAILURE ? first(r.errorCode, r.resultType, r.envResultType) : null;
        String errorMessage = outcome == Outcome.FAILURE
                ? first(r.failureReason, r.resultDescription, r.envResultDescription) : null;
        Actor actor = signInActor(r, action, outcome);
        String ip = first(r.ipAddress, r.envCallerIp);
        Source source = Sources.of(session, ip, r.userAgent, first(r.country, r.locationText, r.envLocation), r.city);
        String tenant = r.tenant();
        String eventId = r.id != null ? r.id
                : SyntheticIds.of("entra-sign-in", String.valueOf(time), actor.principalId(), ip, r.appId, r.errorCode);
        return new CloudEvent(Provider.ENTRA, eventId, time, EventKind.AUTHENTICATION, action, outcome,
                session.intern(errorCode), errorMessage, actor, source, List.of(), null, null,
                session.parts().scope(session.intern(tenant), null), null, origin);
    }

    /** The sign-in log it belongs to, named as Azure Monitor names the category. */
    private static String signInAction(EntraRecord r) {
        String category = first(r.envCategory, r.tableType);
        if (category != null) {
            return switch (category.toLowerCase(Locale.ROOT)) {
                case "noninteractiveusersigninlogs", "aadnoninteractiveusersigninlogs" -> "NonInteractiveUserSignInLogs";
                case "serviceprincipalsigninlogs", "aadserviceprincipalsigninlogs" -> "ServicePrincipalSignInLogs";
                case "managedidentitysigninlogs", "aadmanagedidentitysigninlogs" -> "ManagedIdentitySignInLogs";
                default -> "SignInLogs";
            };
        }
        String type = r.signInEventTypes.isEmpty() ? "" : r.signInEventTypes.get(0);
        return switch (type) {
            case "nonInteractiveUser" -> "NonInteractiveUserSignInLogs";
            case "servicePrincipal" -> "ServicePrincipalSignInLogs";
            case "managedIdentity" -> "ManagedIdentitySignInLogs";
            case "interactiveUser" -> "SignInLogs";
            default -> "false".equalsIgnoreCase(r.isInteractive) ? "NonInteractiveUserSignInLogs" : "SignInLogs";
        };
    }

    /** {@code status.errorCode} 0 is a success, anything else a failure; without it, the envelope's result type. */
    private static Outcome signInOutcome(EntraRecord r) {
        String code = first(r.errorCode, r.resultType, r.envResultType);
        if (code == null) {
            return Outcome.UNKNOWN;
        }
        if (code.equals("0") || code.equalsIgnoreCase("success")) {
            return Outcome.SUCCESS;
        }
        return code.chars().allMatch(Character::isDigit) || code.equalsIgnoreCase("failure")
                ? Outcome.FAILURE : Outcome.UNKNOWN;
    }

    private Actor signInActor(EntraRecord r, String action, Outcome outcome) {
        String principal;
        PrincipalType type;
        String display;
        boolean workload = action.equals("ServicePrincipalSignInLogs") || action.equals("ManagedIdentitySignInLogs");
        if (workload) {
            principal = first(Principals.lower(r.servicePrincipalId), Principals.lower(r.appId));
            type = action.equals("ManagedIdentitySignInLogs") ? PrincipalType.INSTANCE : PrincipalType.SERVICE;
            display = first(r.servicePrincipalName, r.appDisplayName);
        } else {
            principal = first(Principals.email(r.userPrincipalName), Principals.lower(r.userId),
                    r.userPrincipalName);
            type = PrincipalType.USER;
            display = first(r.userDisplayName, r.userPrincipalName);
        }
        if (principal == null) {
            principal = Actor.UNKNOWN_PRINCIPAL;
            display = null;
        }
        String tenant = first(r.homeTenantId, r.tenant());
        return session.parts().actor(session.intern(principal), type, session.intern(display), session.intern(tenant), null,
                mfa(r, outcome), null, null);
    }

    /**
     * MFA used when a multi-factor step succeeded, or when MFA was required and the sign-in succeeded; not used
     * when only a single factor was required; otherwise the log does not say.
     */
    private static Mfa mfa(EntraRecord r, Outcome outcome) {
        if (r.mfaStepSucceeded) {
            return Mfa.USED;
        }
        String requirement = r.authenticationRequirement;
        if ("multiFactorAuthentication".equalsIgnoreCase(requirement) && outcome == Outcome.SUCCESS) {
            return Mfa.USED;
        }
        if ("singleFactorAuthentication".equalsIgnoreCase(requirement)) {
            return Mfa.NOT_USED;
        }
        return Mfa.UNKNOWN;
    }

    // --- directory audits --------------------------------------------------------------------------

    private CloudEvent audit(EntraRecord r, Origin origin) {
        long time = time(r.activityDateTime, "activityDateTime", r);
        String activity = first(r.activityDisplayName, r.operationName);
        if (activity == null || activity.isBlank()) {
            throw new RecordException("missing required field 'activityDisplayName'");
        }
        activity = session.intern(activity.strip());
        EventKind kind = EntraKinds.auditKind(activity, r.modifiedProperties);
        Outcome outcome = auditOutcome(r.result);
        Actor actor = auditActor(r);
        Source source = Sources.of(session, r.initiatorIp, r.userAgent, null, null);
        List<String> targets = new ArrayList<>(r.targetIds.size());
        String subject = null;
        for (int i = 0; i < r.targetIds.size(); i++) {
            String upn = Principals.email(r.targetUpns.get(i));
            String id = Principals.lower(r.targetIds.get(i));
            String target = first(upn, id, r.targetNames.get(i));
            if (target != null && !targets.contains(target)) {
                targets.add(session.intern(target));
            }
            if (subject == null && (kind == EventKind.CREDENTIAL_CHANGE || kind == EventKind.PRIVILEGE_CHANGE)) {
                subject = first(upn, id);
            }
        }
        String tenant = r.tenant();
        String eventId = r.id != null ? r.id
                : SyntheticIds.of("entra-audit", String.valueOf(time), activity, actor.principalId(),
                        String.join(",", targets));
        return new CloudEvent(Provider.ENTRA, eventId, time, kind, activity, outcome, null,
                outcome == Outcome.FAILURE ? r.resultReason : null, actor, source, targets, session.intern(subject),
                null, session.parts().scope(session.intern(tenant), null), null, origin);
    }

    private static Outcome auditOutcome(String result) {
        if (result == null) {
            return Outcome.UNKNOWN;
        }
        return switch (result.toLowerCase(Locale.ROOT)) {
            case "success" -> Outcome.SUCCESS;
            case "failure", "timeout" -> Outcome.FAILURE;
            default -> Outcome.UNKNOWN;
        };
    }

    private Actor auditActor(EntraRecord r) {
        String user = first(Principals.email(r.initiatorUpn), Principals.lower(r.initiatorUserId));
        if (user != null) {
            return session.parts().actor(session.intern(user), PrincipalType.USER,
                    session.intern(first(r.initiatorUserName, r.initiatorUpn)), null, null, Mfa.UNKNOWN, null,
                    null);
        }
        String app = first(Principals.lower(r.initiatorSpId), Principals.lower(r.initiatorAppId));
        if (app != null) {
            return session.parts().actor(session.intern(app), PrincipalType.SERVICE, session.intern(r.initiatorAppName), null,
                    null, Mfa.UNKNOWN, null, null);
        }
        return Actor.of(Actor.UNKNOWN_PRINCIPAL, PrincipalType.UNKNOWN);
    }

    // --- shared ------------------------------------------------------------------------------------

    /** The record's own time field, else the envelope's {@code time}, else Log Analytics' {@code TimeGenerated}. */
    private long time(String own, String ownName, EntraRecord r) {
        String field = own != null ? ownName : r.envTime != null ? "time" : "TimeGenerated";
        String value = first(own, r.envTime, r.timeGenerated);
        if (value == null) {
            throw new RecordException("missing required field '" + ownName + "'");
        }
        long millis = EventTimes.parseLoose(value, MONTH_FIRST);
        if (millis == EventTimes.INVALID) {
            throw new RecordException("field '" + field + "' is not a timestamp: "
                    + Texts.quote(value, session.excerptChars()) + "; expected an ISO-8601 timestamp such as "
                    + "2024-05-01T10:00:00Z");
        }
        return millis;
    }
}
