package dev.cadet.parsers.internal.entra;

import dev.cadet.parsers.internal.RecordCursor;
import tools.jackson.core.JsonToken;

import java.util.Locale;

import static dev.cadet.parsers.internal.JsonFields.caseless;
import static dev.cadet.parsers.internal.JsonFields.eachObject;
import static dev.cadet.parsers.internal.JsonFields.member;
import static dev.cadet.parsers.internal.JsonFields.strings;
import static dev.cadet.parsers.internal.JsonFields.walkMaybeEmbedded;

/**
 * Picks the fields of a sign-in or directory audit into an {@link EntraRecord}, whatever shape they come in:
 * names are compared without case (Graph writes {@code initiatedBy}, Log Analytics {@code InitiatedBy}) and a
 * nested object may be a JSON string (Log Analytics rows).
 */
public final class EntraFields {

    private EntraFields() {
    }

    /**
     * Takes one property of a sign-in or audit object.
     *
     * @param name the property name, lower case
     * @return false when the property is not one the mapping needs (the caller skips it)
     */
    public static boolean field(String name, RecordCursor c, JsonToken t, EntraRecord r) {
        switch (name) {
            case "id" -> r.id = c.text(t);
            case "createddatetime" -> r.createdDateTime = c.text(t);
            case "activitydatetime" -> r.activityDateTime = c.text(t);
            case "timegenerated" -> r.timeGenerated = c.text(t);
            case "type" -> r.tableType = c.text(t);
            case "operationname" -> r.operationName = c.text(t);
            case "userprincipalname" -> r.userPrincipalName = c.text(t);
            case "userid" -> r.userId = c.text(t);
            case "userdisplayname" -> r.userDisplayName = c.text(t);
            case "appdisplayname" -> r.appDisplayName = c.text(t);
            case "appid" -> r.appId = c.text(t);
            case "ipaddress" -> r.ipAddress = c.text(t);
            case "useragent" -> r.userAgent = c.text(t);
            case "isinteractive" -> r.isInteractive = c.text(t);
            case "signineventtypes" -> strings(c, t, r.signInEventTypes);
            case "serviceprincipalid" -> r.servicePrincipalId = c.text(t);
            case "serviceprincipalname" -> r.servicePrincipalName = c.text(t);
            case "tenantid" -> r.tenantId = c.text(t);
            case "aadtenantid" -> r.aadTenantId = c.text(t);
            case "hometenantid" -> r.homeTenantId = c.text(t);
            case "resulttype" -> r.resultType = c.text(t);
            case "resultdescription" -> r.resultDescription = c.text(t);
            case "status" -> walkMaybeEmbedded(c, t, (sc, st) -> status(sc, st, r));
            case "location" -> {
                if (t == JsonToken.START_OBJECT) {
                    location(c, t, r);
                } else {
                    r.locationText = c.text(t);
                }
            }
            case "locationdetails" -> walkMaybeEmbedded(c, t, (sc, st) -> location(sc, st, r));
            case "authenticationrequirement" -> r.authenticationRequirement = c.text(t);
            case "authenticationdetails" -> walkMaybeEmbedded(c, t, (sc, st) -> authenticationDetails(sc, st, r));
            case "mfadetail" -> walkMaybeEmbedded(c, t, (sc, st) -> mfaDetail(sc, st, r));
            case "activitydisplayname" -> r.activityDisplayName = c.text(t);
            case "result" -> r.result = c.text(t);
            case "resultreason" -> r.resultReason = c.text(t);
            case "initiatedby" -> walkMaybeEmbedded(c, t, (sc, st) -> initiatedBy(sc, st, r));
            case "targetresources" -> walkMaybeEmbedded(c, t, (sc, st) -> targetResources(sc, st, r));
            case "additionaldetails" -> walkMaybeEmbedded(c, t, (sc, st) -> additionalDetails(sc, st, r));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Walks a whole sign-in or audit object into {@code r}. */
    public static void object(RecordCursor c, EntraRecord r) {
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken t = c.nextToken();
            if (!field(caseless(name), c, t, r)) {
                c.skipChildren();
            }
        }
    }

    /** {@code {"errorCode": 50126, "failureReason": "..."}}. */
    private static void status(RecordCursor c, JsonToken t, EntraRecord r) {
        if (!c.isObject(t)) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            switch (caseless(name)) {
                case "errorcode" -> r.errorCode = c.text(v);
                case "failurereason" -> r.failureReason = c.text(v);
                default -> c.skipChildren();
            }
        }
    }

    /** {@code {"city": ..., "countryOrRegion": ..., "geoCoordinates": {...}}}. */
    private static void location(RecordCursor c, JsonToken t, EntraRecord r) {
        if (!c.isObject(t)) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            switch (caseless(name)) {
                case "city" -> r.city = c.text(v);
                case "countryorregion" -> r.country = c.text(v);
                default -> c.skipChildren();
            }
        }
    }

    /**
     * Each authentication step; a step that succeeded and was a multi-factor requirement, or used a second
     * factor method, means MFA was used ("Previously satisfied" with an MFA requirement counts: the claim was
     * from an MFA sign-in).
     */
    private static void authenticationDetails(RecordCursor c, JsonToken t, EntraRecord r) {
        eachObject(c, t, (ic, item) -> {
            boolean succeeded = false;
            String requirement = null;
            String method = null;
            String name;
            while ((name = ic.nextName()) != null) {
                JsonToken v = ic.nextToken();
                switch (caseless(name)) {
                    case "succeeded" -> succeeded = v == JsonToken.VALUE_TRUE || "true".equalsIgnoreCase(ic.text(v));
                    case "authenticationsteprequirement" -> requirement = ic.text(v);
                    case "authenticationmethod" -> method = ic.text(v);
                    default -> ic.skipChildren();
                }
            }
            boolean multiFactor = (requirement != null && requirement.toLowerCase(Locale.ROOT).contains("multi"))
                    || isSecondFactor(method);
            if (succeeded && multiFactor) {
                r.mfaStepSucceeded = true;
                if (r.mfaMethod == null && method != null) {
                    r.mfaMethod = method;
                }
            }
        });
    }

    /** Methods that are a second factor by themselves (a password or "Previously satisfied" is not). */
    private static boolean isSecondFactor(String method) {
        if (method == null) {
            return false;
        }
        String m = method.toLowerCase(Locale.ROOT);
        return m.contains("authenticator") || m.contains("text message") || m.contains("phone call")
                || m.contains("oath") || m.contains("fido") || m.contains("passkey") || m.contains("windows hello")
                || m.contains("mobile app");
    }

    private static void mfaDetail(RecordCursor c, JsonToken t, EntraRecord r) {
        String method = member(c, t, "authMethod", false);
        if (method != null) {
            r.mfaMethod = method;
        }
    }

    /** {@code {"user": {"id", "userPrincipalName", "displayName", "ipAddress"}, "app": {...}}}. */
    private static void initiatedBy(RecordCursor c, JsonToken t, EntraRecord r) {
        if (!c.isObject(t)) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            String n = caseless(name);
            boolean user = "user".equals(n);
            if (!user && !"app".equals(n)) {
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
                    case "id" -> {
                        if (user) {
                            r.initiatorUserId = c.text(f);
                        } else {
                            c.skipChildren();
                        }
                    }
                    case "userprincipalname" -> r.initiatorUpn = c.text(f);
                    case "displayname" -> {
                        String s = c.text(f);
                        if (user) {
                            r.initiatorUserName = s;
                        } else {
                            r.initiatorAppName = s;
                        }
                    }
                    case "ipaddress" -> {
                        String s = c.text(f);
                        if (s != null) {
                            r.initiatorIp = s;
                        }
                    }
                    case "appid" -> r.initiatorAppId = c.text(f);
                    case "serviceprincipalid" -> r.initiatorSpId = c.text(f);
                    case "serviceprincipalname" -> {
                        String s = c.text(f);
                        if (r.initiatorAppName == null) {
                            r.initiatorAppName = s;
                        }
                    }
                    default -> c.skipChildren();
                }
            }
        }
    }

    /** {@code [{"id", "displayName", "type", "userPrincipalName", "modifiedProperties": [{"displayName"}]}]}. */
    private static void targetResources(RecordCursor c, JsonToken t, EntraRecord r) {
        eachObject(c, t, (ic, item) -> {
            String type = null;
            String id = null;
            String displayName = null;
            String upn = null;
            String name;
            while ((name = ic.nextName()) != null) {
                JsonToken v = ic.nextToken();
                switch (caseless(name)) {
                    case "type" -> type = ic.text(v);
                    case "id" -> id = ic.text(v);
                    case "displayname" -> displayName = ic.text(v);
                    case "userprincipalname" -> upn = ic.text(v);
                    case "modifiedproperties" -> modifiedProperties(ic, v, r);
                    default -> ic.skipChildren();
                }
            }
            r.targetTypes.add(type);
            r.targetIds.add(id);
            r.targetNames.add(displayName);
            r.targetUpns.add(upn);
        });
    }

    private static void modifiedProperties(RecordCursor c, JsonToken t, EntraRecord r) {
        eachObject(c, t, (ic, item) -> {
            String name;
            while ((name = ic.nextName()) != null) {
                JsonToken v = ic.nextToken();
                if ("displayname".equals(caseless(name))) {
                    String s = ic.text(v);
                    if (s != null) {
                        r.modifiedProperties.add(s);
                    }
                } else {
                    ic.skipChildren();
                }
            }
        });
    }

    /** {@code [{"key": "User-Agent", "value": "..."}]}: the user agent of an audit, when logged. */
    private static void additionalDetails(RecordCursor c, JsonToken t, EntraRecord r) {
        eachObject(c, t, (ic, item) -> {
            String key = null;
            String value = null;
            String name;
            while ((name = ic.nextName()) != null) {
                JsonToken v = ic.nextToken();
                switch (caseless(name)) {
                    case "key" -> key = ic.text(v);
                    case "value" -> value = ic.text(v);
                    default -> ic.skipChildren();
                }
            }
            if ("User-Agent".equalsIgnoreCase(key) && r.userAgent == null) {
                r.userAgent = value;
            }
        });
    }
}
