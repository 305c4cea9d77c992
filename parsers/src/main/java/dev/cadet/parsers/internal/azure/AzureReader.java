package dev.cadet.parsers.internal.azure;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.Scripts;
import dev.cadet.parsers.internal.StringTable;
import dev.cadet.parsers.internal.ValueReader;
import dev.cadet.parsers.internal.entra.EntraFields;
import dev.cadet.parsers.internal.entra.EntraMapper;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.List;

import static dev.cadet.parsers.internal.JsonFields.caseless;
import static dev.cadet.parsers.internal.JsonFields.isObject;
import static dev.cadet.parsers.internal.JsonFields.member;
import static dev.cadet.parsers.internal.JsonFields.notAnObject;
import static dev.cadet.parsers.internal.JsonFields.strings;
import static dev.cadet.parsers.internal.JsonFields.text;
import static dev.cadet.parsers.internal.JsonFields.valueOrText;
import static dev.cadet.parsers.internal.JsonFields.walkMaybeEmbedded;
import static dev.cadet.parsers.internal.Nulls.first;

/**
 * Reads one Azure Monitor record with a single pass over its tokens, whatever the export: names are compared
 * without case, nested objects may be JSON strings, names and statuses may be {@code {"value": ...}} objects.
 * The record's category decides the mapping once it is read: Entra sign-in and audit categories go to
 * {@link EntraMapper}, everything else is an Activity Log record for {@link AzureMapper}.
 */
final class AzureReader implements ValueReader {

    /** Request bodies nest a few levels ({@code properties.source.script}); deeper content is not a command. */
    private static final int MAX_BODY_DEPTH = 8;

    private final AzureRecord r = new AzureRecord();
    private final AzureMapper activity;
    private final EntraMapper entra;
    private final StringTable strings;

    AzureReader(ReadSession session) {
        this.activity = new AzureMapper(session);
        this.entra = new EntraMapper(session);
        this.strings = session.strings();
    }

    @Override
    public CloudEvent read(JsonParser p, JsonToken first, Origin origin) {
        if (first != JsonToken.START_OBJECT) {
            throw notAnObject(p, first, "an Azure Activity Log record");
        }
        r.reset();
        record(p);
        if (EntraMapper.isEntraCategory(r.category)) {
            r.entra.envelope(first(r.time, r.eventTimestamp, r.timeGenerated), r.category, r.tenantId, r.callerIp,
                    r.location, r.resultType, r.resultDescription, r.correlationId);
            return entra.map(r.entra, origin);
        }
        return activity.map(r, origin);
    }

    private void record(JsonParser p) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (caseless(name)) {
                case "time" -> r.time = text(p, t);
                case "eventtimestamp" -> r.eventTimestamp = text(p, t);
                case "timegenerated" -> r.timeGenerated = shared(p, t);
                case "operationname" -> operationName(p, t);
                case "operationnamevalue" -> r.operationNameValue = shared(p, t);
                case "category", "categoryvalue" -> r.category = valueOrText(p, t);
                case "resulttype" -> r.resultType = shared(p, t);
                case "resultsignature" -> r.resultSignature = shared(p, t);
                case "status", "activitystatusvalue" -> r.status = valueOrText(p, t);
                case "substatus", "activitysubstatusvalue" -> r.subStatus = valueOrText(p, t);
                case "resultdescription" -> r.resultDescription = text(p, t);
                case "calleripaddress" -> r.callerIp = shared(p, t);
                case "caller" -> r.caller = shared(p, t);
                case "correlationid" -> r.correlationId = text(p, t);
                case "eventdataid" -> r.eventDataId = text(p, t);
                case "resourceid" -> {
                    String s = shared(p, t);
                    if (s != null) {
                        r.resourceId = s;
                    }
                }
                case "_resourceid" -> {
                    String s = shared(p, t);
                    if (r.resourceId == null) {
                        r.resourceId = s;
                    }
                }
                case "id" -> {
                    // REST and CLI: "<resource id>/events/<event data id>/ticks/<n>".
                    String id = text(p, t);
                    int events = id == null ? -1 : id.indexOf("/events/");
                    if (events > 0 && r.resourceId == null) {
                        r.resourceId = id.substring(0, events);
                    }
                }
                case "subscriptionid" -> r.subscriptionId = shared(p, t);
                case "tenantid" -> r.tenantId = shared(p, t);
                case "location" -> r.location = shared(p, t);
                case "type" -> r.tableType = shared(p, t);
                case "identity" -> identity(p, t);
                case "claims", "claims_d" -> walkMaybeEmbedded(p, t, this::claims);
                case "authorization", "authorization_d" -> walkMaybeEmbedded(p, t, this::authorization);
                case "httprequest" -> walkMaybeEmbedded(p, t, this::httpRequest);
                case "properties", "properties_d" -> walkMaybeEmbedded(p, t, this::properties);
                case "evt" -> datadog(p, t);
                default -> p.skipChildren();
            }
        }
    }

    /** A value that repeats across records (callers, addresses, operations, claims), from the string table. */
    private String shared(JsonParser p, JsonToken t) {
        return strings.text(p, t);
    }

    /** A string, or {@code {"value": "Microsoft.Compute/...", "localizedValue": "Run Command on Virtual Machine"}}. */
    private void operationName(JsonParser p, JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            r.operationName = shared(p, t);
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (caseless(name)) {
                case "value" -> r.operationName = shared(p, v);
                case "localizedvalue" -> r.operationDisplayName = shared(p, v);
                default -> p.skipChildren();
            }
        }
    }

    /**
     * Datadog's copy of the record's main fields ({@code evt.name}, {@code evt.outcome}, {@code evt.category}),
     * which its Azure pipeline leaves in place of the originals; used only where the original is absent.
     */
    private void datadog(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            String s = text(p, v);
            switch (caseless(name)) {
                case "name" -> r.operationName = first(r.operationName, s);
                case "outcome" -> r.resultType = first(r.resultType, s);
                case "category" -> r.category = first(r.category, s);
                default -> {
                    // consumed by text()
                }
            }
        }
    }

    /** {@code {"claims": {...}, "authorization": {...}}} in diagnostic records; a display name in sign-in ones. */
    private void identity(JsonParser p, JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            r.identityText = text(p, t);
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (caseless(name)) {
                case "claims" -> walkMaybeEmbedded(p, v, this::claims);
                case "authorization" -> walkMaybeEmbedded(p, v, this::authorization);
                default -> p.skipChildren();
            }
        }
    }

    /** The token's claims, named by their URIs or short names. */
    private void claims(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (caseless(name)) {
                case "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "upn" -> r.upn = shared(p, v);
                case "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "email" -> r.email = shared(p, v);
                case "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "unique_name" ->
                        r.uniqueName = shared(p, v);
                case "http://schemas.microsoft.com/identity/claims/objectidentifier", "oid" -> r.objectId = shared(p, v);
                case "appid", "azp" -> r.appId = shared(p, v);
                case "http://schemas.microsoft.com/identity/claims/tenantid", "tid" -> r.claimsTenantId = shared(p, v);
                case "name" -> r.claimsName = shared(p, v);
                case "ipaddr" -> r.claimsIp = shared(p, v);
                case "idtyp" -> r.idType = shared(p, v);
                case "xms_mirid" -> r.managedIdentity = shared(p, v);
                case "http://schemas.microsoft.com/claims/authnmethodsreferences", "amr" -> r.authMethods = shared(p, v);
                default -> p.skipChildren();
            }
        }
    }

    /** {@code {"action", "scope", "evidence": {"principalId", "principalType", "role", ...}}}. */
    private void authorization(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if (!"evidence".equals(caseless(name))) {
                p.skipChildren();
                continue;
            }
            if (!isObject(p, v)) {
                continue;
            }
            String field;
            while ((field = p.nextName()) != null) {
                JsonToken f = p.nextToken();
                switch (caseless(field)) {
                    case "principalid" -> r.evidencePrincipalId = shared(p, f);
                    case "principaltype" -> r.evidencePrincipalType = shared(p, f);
                    default -> p.skipChildren();
                }
            }
        }
    }

    private void httpRequest(JsonParser p, JsonToken t) {
        r.httpClientIp = member(p, t, "clientIpAddress", strings);
    }

    /** Activity details ({@code requestbody}, {@code statusCode}...) and, for Entra categories, the record itself. */
    private void properties(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            String n = caseless(name);
            switch (n) {
                case "requestbody" -> walkMaybeEmbedded(p, v, (bp, bt) -> body(bp, bt, "", 0));
                case "statuscode" -> r.statusCode = shared(p, v);
                case "statusmessage" -> r.statusMessage = text(p, v);
                case "responsebody", "eventproperties", "message", "entity", "hierarchy", "eventcategory" ->
                        p.skipChildren();
                default -> {
                    if (!EntraFields.field(n, p, v, r.entra)) {
                        p.skipChildren();
                    }
                }
            }
        }
    }

    /**
     * What a request body says about the command it runs or the role it grants, wherever it sits: a run command
     * action ({@code commandId}, {@code script}), a managed run command ({@code properties.source.script},
     * {@code scriptUri}), an extension ({@code properties.type}, {@code settings.commandToExecute},
     * {@code fileUris}, base64 {@code settings.script}), a gallery application version
     * ({@code publishingProfile.manageActions.install}, {@code source.mediaLink}), an AKS run command
     * ({@code command}), a role assignment ({@code principalId}, {@code roleDefinitionId}).
     */
    private void body(JsonParser p, JsonToken t, String parent, int depth) {
        if (depth > MAX_BODY_DEPTH) {
            p.skipChildren();
            return;
        }
        if (t == JsonToken.START_ARRAY) {
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                body(p, item, parent, depth + 1);
            }
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            String n = caseless(name);
            switch (n) {
                case "commandid" -> {
                    String s = text(p, v);
                    if (r.bodyCommandId == null) {
                        r.bodyCommandId = s;
                    }
                }
                case "script" -> {
                    if (v == JsonToken.VALUE_STRING && "settings".equals(parent)) {
                        r.lines.addAll(Scripts.base64Lines(p.getString()));
                    } else {
                        lines(p, v);
                    }
                }
                case "scripturi" -> {
                    r.bodyScriptUri = text(p, v);
                    if (r.bodyScriptUri != null) {
                        r.lines.add(r.bodyScriptUri);
                    }
                }
                case "commandtoexecute", "fileuris", "medialink", "command" -> lines(p, v);
                case "install", "remove", "update" -> {
                    if ("manageactions".equals(parent)) {
                        lines(p, v);
                    } else {
                        body(p, v, n, depth + 1);
                    }
                }
                case "type" -> {
                    String s = text(p, v);
                    if ("properties".equals(parent) && r.extensionType == null) {
                        r.extensionType = s;
                    }
                }
                case "principalid" -> {
                    String s = text(p, v);
                    if (r.bodyPrincipalId == null) {
                        r.bodyPrincipalId = s;
                    }
                }
                case "roledefinitionid" -> {
                    String s = text(p, v);
                    if (r.bodyRoleDefinitionId == null) {
                        r.bodyRoleDefinitionId = s;
                    }
                }
                case "protectedsettings" -> p.skipChildren();
                default -> body(p, v, n, depth + 1);
            }
        }
    }

    /** Command text given as a string (possibly several lines) or a list of strings. */
    private void lines(JsonParser p, JsonToken t) {
        List<String> texts = new ArrayList<>(2);
        strings(p, t, texts);
        Scripts.addLines(r.lines, texts);
    }
}
