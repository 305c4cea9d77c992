package dev.cadet.parsers.internal.azure;

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
import dev.cadet.parsers.internal.JsonFields;
import dev.cadet.parsers.internal.Principals;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.RecordException;
import dev.cadet.parsers.internal.Sources;
import dev.cadet.parsers.internal.SyntheticIds;
import dev.cadet.parsers.internal.Targets;
import dev.cadet.parsers.internal.Texts;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.cadet.parsers.internal.EventTimes.SlashDates.MONTH_FIRST;
import static dev.cadet.parsers.internal.JsonFields.caseless;
import static dev.cadet.parsers.internal.JsonFields.isObject;
import static dev.cadet.parsers.internal.JsonFields.text;
import static dev.cadet.parsers.internal.Nulls.first;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.APP_ID;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.AUTH_METHODS;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.EMAIL;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.ID_TYPE;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.IP;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.MANAGED_IDENTITY;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.NAME;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.OBJECT_ID;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.TENANT_ID;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.UNIQUE_NAME;
import static dev.cadet.parsers.internal.azure.AzureRecord.Claims.UPN;

/**
 * Turns an {@link AzureRecord} of the Activity Log into a {@link CloudEvent}, following the mapping in
 * {@code docs/input-formats.md}. A record without a usable time or operation is rejected; any other missing
 * field leaves its part of the event empty.
 */
final class AzureMapper {

    /** The resource types that are machines a command runs on, as they appear in a lower-case resource id. */
    private static final String[] MACHINES = {"/providers/microsoft.compute/virtualmachinescalesets/",
            "/providers/microsoft.compute/virtualmachines/", "/providers/microsoft.hybridcompute/machines/",
            "/providers/microsoft.containerservice/managedclusters/"};

    private final ReadSession session;

    AzureMapper(ReadSession session) {
        this.session = session;
    }

    CloudEvent map(AzureRecord r, Origin origin) {
        long time = time(r);
        String operation = operation(r);
        AzureKinds.Rule rule = AzureKinds.rule(operation);
        // Exports write one operation in capitals, lower case or as documented: one spelling per operation.
        String action = session.intern(rule != null ? rule.operation() : operation.toLowerCase(Locale.ROOT));
        EventKind kind = rule == null ? EventKind.OTHER : rule.kind();
        Outcome outcome = outcome(first(r.status, r.resultType));
        String[] error = outcome == Outcome.FAILURE ? error(r) : new String[2];
        Actor actor = actor(r);
        String resourceId = Principals.lower(r.resourceId);
        List<String> targets = new ArrayList<>(2);
        String subject = null;
        Command command = null;
        switch (kind) {
            case COMMAND_EXECUTION, INTERACTIVE_SESSION, COMMAND_RECON -> {
                Targets.add(session, targets, machine(resourceId));
                if (kind == EventKind.COMMAND_EXECUTION) {
                    command = command(r, rule.shape());
                }
            }
            case PRIVILEGE_CHANGE -> {
                Targets.add(session, targets, first(Principals.lower(r.bodyRoleDefinitionId), resourceId));
                subject = action.equals("Microsoft.Authorization/elevateAccess/action") ? actor.principalId()
                        : Principals.lower(r.bodyPrincipalId);
            }
            default -> Targets.add(session, targets, resourceId);
        }
        String subscription = first(Principals.lower(r.subscriptionId), subscriptionOf(resourceId));
        CloudScope cloud = session.parts().scope(session.intern(subscription), session.intern(r.location));
        String address = first(r.callerIp, r.httpClientIp, r.claims[IP]);
        String eventId = r.eventDataId != null ? r.eventDataId
                : SyntheticIds.of("azure", String.valueOf(time), action, resourceId, r.correlationId,
                first(r.status, r.resultType), r.resultSignature, actor.principalId(), address);
        return new CloudEvent(Provider.AZURE, eventId, time, kind, action, outcome, session.intern(error[0]),
                error[1], actor, Sources.of(session, address, null, null, null), targets, session.intern(subject),
                command, cloud, session.intern(r.correlationId), origin);
    }

    // --- required fields ---------------------------------------------------------------------------

    /** {@code time} (diagnostic export), {@code eventTimestamp} (REST, CLI) or {@code TimeGenerated} (Log Analytics). */
    private long time(AzureRecord r) {
        String field = r.time != null ? "time" : r.eventTimestamp != null ? "eventTimestamp" : "TimeGenerated";
        String value = first(r.time, r.eventTimestamp, r.timeGenerated);
        if (value == null) {
            throw new RecordException("missing required field 'time' (or 'eventTimestamp')");
        }
        long millis = EventTimes.parseLoose(value, MONTH_FIRST);
        if (millis == EventTimes.INVALID) {
            throw new RecordException("field '" + field + "' is not a timestamp: "
                    + Texts.quote(value, session.excerptChars()) + "; expected a timestamp such as "
                    + "2024-05-01T10:00:00.1234567Z or 5/1/2024 10:00:00 AM");
        }
        return millis;
    }

    /**
     * The operation: {@code operationName} (or its {@code value}), Log Analytics' {@code OperationNameValue};
     * an English display name only ({@code Run Command on Virtual Machine}) is translated when known.
     */
    private static String operation(AzureRecord r) {
        if (r.operationNameValue != null) {
            return r.operationNameValue;
        }
        String name = r.operationName;
        if (name != null && name.indexOf('/') < 0) {
            String known = AzureKinds.byDisplayName(name);
            return known != null ? known : name.strip();
        }
        if (name == null && r.operationDisplayName != null) {
            String known = AzureKinds.byDisplayName(r.operationDisplayName);
            name = known != null ? known : r.operationDisplayName;
        }
        if (name == null) {
            throw new RecordException("missing required field 'operationName'");
        }
        return name;
    }

    // --- outcome -----------------------------------------------------------------------------------

    /**
     * One operation writes several records under one correlation id; only the last one says how it ended.
     * Started, Accepted and the like are neither success nor failure yet.
     */
    static Outcome outcome(String status) {
        if (status == null) {
            return Outcome.UNKNOWN;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "success", "succeeded", "resolved" -> Outcome.SUCCESS;
            case "failure", "failed", "canceled", "cancelled" -> Outcome.FAILURE;
            default -> Outcome.UNKNOWN;
        };
    }

    /** {@code [code, message]}: the error in {@code statusMessage} when it holds one, else the sub-status. */
    private static String[] error(AzureRecord r) {
        String[] error = new String[2];
        if (r.statusMessage != null) {
            JsonFields.walkEmbedded(r.statusMessage, (p, t) -> errorObject(p, t, error));
        }
        if (error[0] == null) {
            error[0] = first(r.subStatus, r.statusCode, r.resultSignature);
        }
        if (error[1] == null) {
            error[1] = r.resultDescription;
        }
        return error;
    }

    /** {@code {"error": {"code": ..., "message": ...}}} or {@code {"Code": ..., "Message": ...}}. */
    private static void errorObject(JsonParser p, JsonToken t, String[] error) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (caseless(name)) {
                case "error" -> errorObject(p, v, error);
                case "code" -> error[0] = text(p, v);
                case "message" -> error[1] = text(p, v);
                default -> p.skipChildren();
            }
        }
    }

    // --- actor -------------------------------------------------------------------------------------

    /**
     * A person is their lower-case UPN or e-mail (from {@code caller} or the token's claims), the same as in
     * Entra sign-ins and GCP; anything else is its object id (service principal, managed identity), or the
     * caller as written (a first-party service such as {@code Microsoft.Advisor}).
     */
    private Actor actor(AzureRecord r) {
        String[] claims = r.claims;
        String tenant = first(claims[TENANT_ID], "AzureActivity".equalsIgnoreCase(r.tableType) ? null : r.tenantId);
        Mfa mfa = claims[AUTH_METHODS] == null ? Mfa.UNKNOWN
                : claims[AUTH_METHODS].toLowerCase(Locale.ROOT).contains("mfa") ? Mfa.USED : Mfa.NOT_USED;
        String person = first(Principals.email(r.caller), Principals.email(claims[UPN]), Principals.email(claims[EMAIL]),
                Principals.email(withoutIdentityProvider(claims[UNIQUE_NAME])));
        if (person != null) {
            return session.parts().actor(session.intern(person), PrincipalType.USER, session.intern(first(claims[NAME], person)),
                    session.intern(tenant), null, mfa, null, null);
        }
        String callerId = isGuid(r.caller) ? r.caller : null;
        String objectId = Principals.lower(first(callerId, claims[OBJECT_ID], r.evidencePrincipalId));
        String principal = first(objectId, Principals.lower(claims[APP_ID]), r.caller);
        if (principal == null) {
            return session.parts().actor(Actor.UNKNOWN_PRINCIPAL, PrincipalType.UNKNOWN, null, session.intern(tenant), null, mfa,
                    null, null);
        }
        PrincipalType type;
        String display;
        if (claims[MANAGED_IDENTITY] != null) {
            type = PrincipalType.INSTANCE;
            display = claims[MANAGED_IDENTITY].substring(claims[MANAGED_IDENTITY].lastIndexOf('/') + 1);
        } else if ("app".equalsIgnoreCase(claims[ID_TYPE]) || "ServicePrincipal".equalsIgnoreCase(r.evidencePrincipalType)
                || objectId == null) {
            // Without an object id the caller is an application id or a first-party service's name.
            type = PrincipalType.SERVICE;
            display = first(claims[NAME], objectId == null ? r.caller : null);
        } else if ("user".equalsIgnoreCase(claims[ID_TYPE]) || "User".equalsIgnoreCase(r.evidencePrincipalType)) {
            type = PrincipalType.USER;
            display = claims[NAME];
        } else {
            type = PrincipalType.UNKNOWN;
            display = claims[NAME];
        }
        return session.parts().actor(session.intern(principal), type, session.intern(display), session.intern(tenant), null,
                mfa, null, null);
    }

    /** An object id: {@code 8-4-4-4-12} hexadecimal digits. */
    static boolean isGuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code live.com#rob@contoso.com} (a guest's name claim) to {@code rob@contoso.com}. */
    private static String withoutIdentityProvider(String name) {
        if (name == null) {
            return null;
        }
        int hash = name.lastIndexOf('#');
        return hash >= 0 ? name.substring(hash + 1) : name;
    }

    // --- targets and command -----------------------------------------------------------------------

    /**
     * The machine a command ran on: the resource id cut after the VM, scale-set instance, Arc machine or AKS
     * cluster, so that an extension, run command or serial port of a VM names the VM.
     */
    static String machine(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        for (String marker : MACHINES) {
            int i = resourceId.indexOf(marker);
            if (i < 0) {
                continue;
            }
            int end = segmentEnd(resourceId, i + marker.length());
            if (marker.contains("virtualmachinescalesets") && resourceId.startsWith("/virtualmachines/", end)) {
                end = segmentEnd(resourceId, end + "/virtualmachines/".length());
            }
            return resourceId.substring(0, end);
        }
        return resourceId;
    }

    private static int segmentEnd(String s, int from) {
        int slash = s.indexOf('/', from);
        return slash < 0 ? s.length() : slash;
    }

    /** The name after {@code /<type>/} in a resource id, as written, or {@code null}. */
    private static String child(String resourceId, String type) {
        if (resourceId == null) {
            return null;
        }
        int i = resourceId.toLowerCase(Locale.ROOT).lastIndexOf("/" + type + "/");
        if (i < 0) {
            return null;
        }
        int start = i + type.length() + 2;
        return start < resourceId.length() ? resourceId.substring(start, segmentEnd(resourceId, start)) : null;
    }

    private Command command(AzureRecord r, AzureKinds.Shape shape) {
        String document = switch (shape) {
            case RUN_COMMAND -> r.bodyCommandId;
            case MANAGED_RUN_COMMAND -> first(child(r.resourceId, "runcommands"), r.bodyCommandId);
            case EXTENSION -> first(r.extensionType, child(r.resourceId, "extensions"));
            case GALLERY_APPLICATION -> child(r.resourceId, "applications");
            case CLUSTER_COMMAND, NONE -> null;
        };
        return new Command(session.intern(document), r.lines, null, null);
    }


    /** {@code /subscriptions/<id>/...} to the subscription id. */
    private static String subscriptionOf(String resourceId) {
        if (resourceId == null || !resourceId.startsWith("/subscriptions/")) {
            return null;
        }
        int start = "/subscriptions/".length();
        int end = segmentEnd(resourceId, start);
        return end > start ? resourceId.substring(start, end) : null;
    }
}
