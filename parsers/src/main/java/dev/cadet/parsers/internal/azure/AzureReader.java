package dev.cadet.parsers.internal.azure;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.ByteMemo;
import dev.cadet.parsers.internal.CursorReader;
import dev.cadet.parsers.internal.ParserCursor;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.RecordCursor;
import dev.cadet.parsers.internal.Scripts;
import dev.cadet.parsers.internal.entra.EntraFields;
import dev.cadet.parsers.internal.entra.EntraMapper;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.List;

import static dev.cadet.parsers.internal.JsonFields.caseless;
import static dev.cadet.parsers.internal.JsonFields.member;
import static dev.cadet.parsers.internal.JsonFields.notAnObject;
import static dev.cadet.parsers.internal.JsonFields.strings;
import static dev.cadet.parsers.internal.JsonFields.valueOrText;
import static dev.cadet.parsers.internal.JsonFields.walkMaybeEmbedded;
import static dev.cadet.parsers.internal.Nulls.first;

/**
 * Reads one Azure Monitor record with a single pass over its tokens, whatever the export: names are compared
 * without case, nested objects may be JSON strings, names and statuses may be {@code {"value": ...}} objects.
 * The record's category decides the mapping once it is read: Entra sign-in and audit categories go to
 * {@link EntraMapper}, everything else is an Activity Log record for {@link AzureMapper}. Written against a
 * {@link RecordCursor}, so that records held in memory are read from their bytes; JSON held in a string goes
 * through a cursor over its own parser, with the same code.
 */
final class AzureReader implements CursorReader {

    /** Request bodies nest a few levels ({@code properties.source.script}); deeper content is not a command. */
    private static final int MAX_BODY_DEPTH = 8;

    /** Claims by the bytes of their object, per thread: a caller's token makes call after call. */
    private static final ThreadLocal<ByteMemo<AzureRecord.Claims>> CLAIMS =
            ThreadLocal.withInitial(() -> new ByteMemo<>(12, 4096, true));

    private final ByteMemo<AzureRecord.Claims> claims = CLAIMS.get();
    private final AzureRecord r = new AzureRecord();
    private final AzureMapper activity;
    private final EntraMapper entra;
    private final ParserCursor parser;

    AzureReader(ReadSession session) {
        this.activity = new AzureMapper(session);
        this.entra = new EntraMapper(session);
        this.parser = new ParserCursor(session.strings());
    }

    @Override
    public CloudEvent read(JsonParser p, JsonToken first, Origin origin) {
        return read(parser.on(p), first, origin);
    }

    @Override
    public CloudEvent read(RecordCursor c, JsonToken first, Origin origin) {
        if (first != JsonToken.START_OBJECT) {
            c.skipChildren();
            throw notAnObject(first, "an Azure Activity Log record");
        }
        r.reset();
        record(c);
        if (EntraMapper.isEntraCategory(r.category)) {
            r.entra.envelope(first(r.time, r.eventTimestamp, r.timeGenerated), r.category, r.tenantId, r.callerIp,
                    r.location, r.resultType, r.resultDescription, r.correlationId);
            return entra.map(r.entra, origin);
        }
        return activity.map(r, origin);
    }

    private void record(RecordCursor c) {
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken t = c.nextToken();
            switch (caseless(name)) {
                case "time" -> r.time = c.text(t);
                case "eventtimestamp" -> r.eventTimestamp = c.text(t);
                case "timegenerated" -> r.timeGenerated = c.shared(t);
                case "operationname" -> operationName(c, t);
                case "operationnamevalue" -> r.operationNameValue = c.shared(t);
                case "category", "categoryvalue" -> r.category = valueOrText(c, t);
                case "resulttype" -> r.resultType = c.shared(t);
                case "resultsignature" -> r.resultSignature = c.shared(t);
                case "status", "activitystatusvalue" -> r.status = valueOrText(c, t);
                case "substatus", "activitysubstatusvalue" -> r.subStatus = valueOrText(c, t);
                case "resultdescription" -> r.resultDescription = c.text(t);
                case "calleripaddress" -> r.callerIp = c.shared(t);
                case "caller" -> r.caller = c.shared(t);
                case "correlationid" -> r.correlationId = c.text(t);
                case "eventdataid" -> r.eventDataId = c.text(t);
                case "resourceid" -> {
                    String s = c.shared(t);
                    if (s != null) {
                        r.resourceId = s;
                    }
                }
                case "_resourceid" -> {
                    String s = c.shared(t);
                    if (r.resourceId == null) {
                        r.resourceId = s;
                    }
                }
                case "id" -> {
                    // REST and CLI: "<resource id>/events/<event data id>/ticks/<n>".
                    String id = c.text(t);
                    int events = id == null ? -1 : id.indexOf("/events/");
                    if (events > 0 && r.resourceId == null) {
                        r.resourceId = id.substring(0, events);
                    }
                }
                case "subscriptionid" -> r.subscriptionId = c.shared(t);
                case "tenantid" -> r.tenantId = c.shared(t);
                case "location" -> r.location = c.shared(t);
                case "type" -> r.tableType = c.shared(t);
                case "identity" -> identity(c, t);
                case "claims", "claims_d" -> walkMaybeEmbedded(c, t, this::claims);
                case "authorization", "authorization_d" -> walkMaybeEmbedded(c, t, this::authorization);
                case "httprequest" -> walkMaybeEmbedded(c, t, this::httpRequest);
                case "properties", "properties_d" -> walkMaybeEmbedded(c, t, this::properties);
                case "evt" -> datadog(c, t);
                default -> c.skipChildren();
            }
        }
    }

    /** A string, or {@code {"value": "Microsoft.Compute/...", "localizedValue": "Run Command on Virtual Machine"}}. */
    private void operationName(RecordCursor c, JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            r.operationName = c.shared(t);
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            switch (caseless(name)) {
                case "value" -> r.operationName = c.shared(v);
                case "localizedvalue" -> r.operationDisplayName = c.shared(v);
                default -> c.skipChildren();
            }
        }
    }

    /**
     * Datadog's copy of the record's main fields ({@code evt.name}, {@code evt.outcome}, {@code evt.category}),
     * which its Azure pipeline leaves in place of the originals; used only where the original is absent.
     */
    private void datadog(RecordCursor c, JsonToken t) {
        if (!c.isObject(t)) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            String s = c.text(v);
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
    private void identity(RecordCursor c, JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            r.identityText = c.text(t);
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            switch (caseless(name)) {
                case "claims" -> walkMaybeEmbedded(c, v, this::claims);
                case "authorization" -> walkMaybeEmbedded(c, v, this::authorization);
                default -> c.skipChildren();
            }
        }
    }

    /** The token's claims, into the record. */
    private void claims(RecordCursor c, JsonToken t) {
        r.take(c.once(t, claims, AzureReader::claimsOf));
    }

    /** The claims of one claims object, named by their URIs or short names. */
    private static AzureRecord.Claims claimsOf(RecordCursor c, JsonToken t) {
        if (!c.isObject(t)) {
            return AzureRecord.Claims.NONE;
        }
        AzureRecord.Claims k = new AzureRecord.Claims();
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            switch (caseless(name)) {
                case "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "upn" ->
                        k.set(AzureRecord.Claims.UPN, c.shared(v));
                case "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "email" ->
                        k.set(AzureRecord.Claims.EMAIL, c.shared(v));
                case "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "unique_name" ->
                        k.set(AzureRecord.Claims.UNIQUE_NAME, c.shared(v));
                case "http://schemas.microsoft.com/identity/claims/objectidentifier", "oid" ->
                        k.set(AzureRecord.Claims.OBJECT_ID, c.shared(v));
                case "appid", "azp" -> k.set(AzureRecord.Claims.APP_ID, c.shared(v));
                case "http://schemas.microsoft.com/identity/claims/tenantid", "tid" ->
                        k.set(AzureRecord.Claims.TENANT_ID, c.shared(v));
                case "name" -> k.set(AzureRecord.Claims.NAME, c.shared(v));
                case "ipaddr" -> k.set(AzureRecord.Claims.IP, c.shared(v));
                case "idtyp" -> k.set(AzureRecord.Claims.ID_TYPE, c.shared(v));
                case "xms_mirid" -> k.set(AzureRecord.Claims.MANAGED_IDENTITY, c.shared(v));
                case "http://schemas.microsoft.com/claims/authnmethodsreferences", "amr" ->
                        k.set(AzureRecord.Claims.AUTH_METHODS, c.shared(v));
                default -> c.skipChildren();
            }
        }
        return k;
    }

    /** {@code {"action", "scope", "evidence": {"principalId", "principalType", "role", ...}}}. */
    private void authorization(RecordCursor c, JsonToken t) {
        if (!c.isObject(t)) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            if (!"evidence".equals(caseless(name))) {
                c.skipChildren();
                continue;
            }
            if (!c.isObject(v)) {
                continue;
            }
            String field;
            while ((field = c.nextName()) != null) {
                JsonToken f = c.nextToken();
                switch (caseless(field)) {
                    case "principalid" -> r.evidencePrincipalId = c.shared(f);
                    case "principaltype" -> r.evidencePrincipalType = c.shared(f);
                    default -> c.skipChildren();
                }
            }
        }
    }

    private void httpRequest(RecordCursor c, JsonToken t) {
        r.httpClientIp = member(c, t, "clientIpAddress", true);
    }

    /** Activity details ({@code requestbody}, {@code statusCode}...) and, for Entra categories, the record itself. */
    private void properties(RecordCursor c, JsonToken t) {
        if (!c.isObject(t)) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            String n = caseless(name);
            switch (n) {
                case "requestbody" -> walkMaybeEmbedded(c, v, (bc, bt) -> body(bc, bt, "", 0));
                case "statuscode" -> r.statusCode = c.shared(v);
                case "statusmessage" -> r.statusMessage = c.text(v);
                case "responsebody", "eventproperties", "message", "entity", "hierarchy", "eventcategory" ->
                        c.skipChildren();
                default -> {
                    if (!EntraFields.field(n, c, v, r.entra)) {
                        c.skipChildren();
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
    private void body(RecordCursor c, JsonToken t, String parent, int depth) {
        if (depth > MAX_BODY_DEPTH) {
            c.skipChildren();
            return;
        }
        if (t == JsonToken.START_ARRAY) {
            JsonToken item;
            while ((item = c.nextToken()) != JsonToken.END_ARRAY) {
                body(c, item, parent, depth + 1);
            }
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            String n = caseless(name);
            switch (n) {
                case "commandid" -> {
                    String s = c.text(v);
                    if (r.bodyCommandId == null) {
                        r.bodyCommandId = s;
                    }
                }
                case "script" -> {
                    if (v == JsonToken.VALUE_STRING && "settings".equals(parent)) {
                        r.lines.addAll(Scripts.base64Lines(c.text(v)));
                    } else {
                        lines(c, v);
                    }
                }
                case "scripturi" -> {
                    r.bodyScriptUri = c.text(v);
                    if (r.bodyScriptUri != null) {
                        r.lines.add(r.bodyScriptUri);
                    }
                }
                case "commandtoexecute", "fileuris", "medialink", "command" -> lines(c, v);
                case "install", "remove", "update" -> {
                    if ("manageactions".equals(parent)) {
                        lines(c, v);
                    } else {
                        body(c, v, n, depth + 1);
                    }
                }
                case "type" -> {
                    String s = c.text(v);
                    if ("properties".equals(parent) && r.extensionType == null) {
                        r.extensionType = s;
                    }
                }
                case "principalid" -> {
                    String s = c.text(v);
                    if (r.bodyPrincipalId == null) {
                        r.bodyPrincipalId = s;
                    }
                }
                case "roledefinitionid" -> {
                    String s = c.text(v);
                    if (r.bodyRoleDefinitionId == null) {
                        r.bodyRoleDefinitionId = s;
                    }
                }
                case "protectedsettings" -> c.skipChildren();
                default -> body(c, v, n, depth + 1);
            }
        }
    }

    /** Command text given as a string (possibly several lines) or a list of strings. */
    private void lines(RecordCursor c, JsonToken t) {
        List<String> texts = new ArrayList<>(2);
        strings(c, t, texts);
        Scripts.addLines(r.lines, texts);
    }
}
