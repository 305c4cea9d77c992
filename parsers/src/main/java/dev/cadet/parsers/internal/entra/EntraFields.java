package dev.cadet.parsers.internal.entra;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.Locale;

import static dev.cadet.parsers.internal.JsonFields.caseless;
import static dev.cadet.parsers.internal.JsonFields.eachObject;
import static dev.cadet.parsers.internal.JsonFields.isObject;
import static dev.cadet.parsers.internal.JsonFields.member;
import static dev.cadet.parsers.internal.JsonFields.strings;
import static dev.cadet.parsers.internal.JsonFields.text;
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
    public static boolean field(String name, JsonParser p, JsonToken t, EntraRecord r) {
        switch (name) {
            case "id" -> r.id = text(p, t);
            case "createddatetime" -> r.createdDateTime = text(p, t);
            case "activitydatetime" -> r.activityDateTime = text(p, t);
            case "timegenerated" -> r.timeGenerated = text(p, t);
            case "type" -> r.tableType = text(p, t);
            case "operationname" -> r.operationName = text(p, t);
            case "userprincipalname" -> r.userPrincipalName = text(p, t);
            case "userid" -> r.userId = text(p, t);
            case "userdisplayname" -> r.userDisplayName = text(p, t);
            case "appdisplayname" -> r.appDisplayName = text(p, t);
            case "appid" -> r.appId = text(p, t);
            case "ipaddress" -> r.ipAddress = text(p, t);
            case "useragent" -> r.userAgent = text(p, t);
            case "isinteractive" -> r.isInteractive = text(p, t);
            case "signineventtypes" -> strings(p, t, r.signInEventTypes);
            case "serviceprincipalid" -> r.servicePrincipalId = text(p, t);
            case "serviceprincipalname" -> r.servicePrincipalName = text(p, t);
            case "tenantid" -> r.tenantId = text(p, t);
            case "aadtenantid" -> r.aadTenantId = text(p, t);
            case "hometenantid" -> r.homeTenantId = text(p, t);
            case "resulttype" -> r.resultType = text(p, t);
            case "resultdescription" -> r.resultDescription = text(p, t);
            case "status" -> walkMaybeEmbedded(p, t, (sp, st) -> status(sp, st, r));
            case "location" -> {
                if (t == JsonToken.START_OBJECT) {
                    location(p, t, r);
                } else {
                    r.locationText = text(p, t);
                }
            }
            case "locationdetails" -> walkMaybeEmbedded(p, t, (sp, st) -> location(sp, st, r));
            case "authenticationrequirement" -> r.authenticationRequirement = text(p, t);
            case "authenticationdetails" -> walkMaybeEmbedded(p, t, (sp, st) -> authenticationDetails(sp, st, r));
            case "mfadetail" -> walkMaybeEmbedded(p, t, (sp, st) -> mfaDetail(sp, st, r));
            case "activitydisplayname" -> r.activityDisplayName = text(p, t);
            case "result" -> r.result = text(p, t);
            case "resultreason" -> r.resultReason = text(p, t);
            case "initiatedby" -> walkMaybeEmbedded(p, t, (sp, st) -> initiatedBy(sp, st, r));
            case "targetresources" -> walkMaybeEmbedded(p, t, (sp, st) -> targetResources(sp, st, r));
            case "additionaldetails" -> walkMaybeEmbedded(p, t, (sp, st) -> additionalDetails(sp, st, r));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Walks a whole sign-in or audit object into {@code r}. */
    public static void object(JsonParser p, EntraRecord r) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            if (!field(caseless(name), p, t, r)) {
                p.skipChildren();
            }
        }
    }

    /** {@code {"errorCode": 50126, "failureReason": "..."}}. */
    private static void status(JsonParser p, JsonToken t, EntraRecord r) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (caseless(name)) {
                case "errorcode" -> r.errorCode = text(p, v);
                case "failurereason" -> r.failureReason = text(p, v);
                default -> p.skipChildren();
            }
        }
    }

    /** {@code {"city": ..., "countryOrRegion": ..., "geoCoordinates": {...}}}. */
    private static void location(JsonParser p, JsonToken t, EntraRecord r) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (caseless(name)) {
                case "city" -> r.city = text(p, v);
                case "countryorregion" -> r.country = text(p, v);
                default -> p.skipChildren();
            }
        }
    }

    /**
     * Each authentication step; a step that succeeded and was a multi-factor requirement, or used a second
     * factor method, means MFA was used ("Previously satisfied" with an MFA requirement counts: the claim was
     * from an MFA sign-in).
     */
    private static void authenticationDetails(JsonParser p, JsonToken t, EntraRecord r) {
        eachObject(p, t, (ip, item) -> {
            boolean succeeded = false;
            String requirement = null;
            String method = null;
            String name;
            while ((name = ip.nextName()) != null) {
                JsonToken v = ip.nextToken();
                switch (caseless(name)) {
                    case "succeeded" -> succeeded = v == JsonToken.VALUE_TRUE || "true".equalsIgnoreCase(text(ip, v));
                    case "authenticationsteprequirement" -> requirement = text(ip, v);
                    case "authenticationmethod" -> method = text(ip, v);
                    default -> ip.skipChildren();
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

    private static void mfaDetail(JsonParser p, JsonToken t, EntraRecord r) {
        String method = member(p, t, "authMethod");
        if (method != null) {
            r.mfaMethod = method;
        }
    }

    /** {@code {"user": {"id", "userPrincipalName", "displayName", "ipAddress"}, "app": {...}}}. */
    private static void initiatedBy(JsonParser p, JsonToken t, EntraRecord r) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            String n = caseless(name);
            boolean user = "user".equals(n);
            if (!user && !"app".equals(n)) {
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
                    case "id" -> {
                        if (user) {
                            r.initiatorUserId = text(p, f);
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "userprincipalname" -> r.initiatorUpn = text(p, f);
                    case "displayname" -> {
                        String s = text(p, f);
                        if (user) {
                            r.initiatorUserName = s;
                        } else {
                            r.initiatorAppName = s;
                        }
                    }
                    case "ipaddress" -> {
                        String s = text(p, f);
                        if (s != null) {
                            r.initiatorIp = s;
                        }
                    }
                    case "appid" -> r.initiatorAppId = text(p, f);
                    case "serviceprincipalid" -> r.initiatorSpId = text(p, f);
                    case "serviceprincipalname" -> {
                        String s = text(p, f);
                        if (r.initiatorAppName == null) {
                            r.initiatorAppName = s;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
    }

    /** {@code [{"id", "displayName", "type", "userPrincipalName", "modifiedProperties": [{"displayName"}]}]}. */
    private static void targetResources(JsonParser p, JsonToken t, EntraRecord r) {
        eachObject(p, t, (ip, item) -> {
            String type = null;
            String id = null;
            String displayName = null;
            String upn = null;
            String name;
            while ((name = ip.nextName()) != null) {
                JsonToken v = ip.nextToken();
                switch (caseless(name)) {
                    case "type" -> type = text(ip, v);
                    case "id" -> id = text(ip, v);
                    case "displayname" -> displayName = text(ip, v);
                    case "userprincipalname" -> upn = text(ip, v);
                    case "modifiedproperties" -> modifiedProperties(ip, v, r);
                    default -> ip.skipChildren();
                }
            }
            r.targetTypes.add(type);
            r.targetIds.add(id);
            r.targetNames.add(displayName);
            r.targetUpns.add(upn);
        });
    }

    private static void modifiedProperties(JsonParser p, JsonToken t, EntraRecord r) {
        eachObject(p, t, (ip, item) -> {
            String name;
            while ((name = ip.nextName()) != null) {
                JsonToken v = ip.nextToken();
                if ("displayname".equals(caseless(name))) {
                    String s = text(ip, v);
                    if (s != null) {
                        r.modifiedProperties.add(s);
                    }
                } else {
                    ip.skipChildren();
                }
            }
        });
    }

    /** {@code [{"key": "User-Agent", "value": "..."}]}: the user agent of an audit, when logged. */
    private static void additionalDetails(JsonParser p, JsonToken t, EntraRecord r) {
        eachObject(p, t, (ip, item) -> {
            String key = null;
            String value = null;
            String name;
            while ((name = ip.nextName()) != null) {
                JsonToken v = ip.nextToken();
                switch (caseless(name)) {
                    case "key" -> key = text(ip, v);
                    case "value" -> value = text(ip, v);
                    default -> ip.skipChildren();
                }
            }
            if ("User-Agent".equalsIgnoreCase(key) && r.userAgent == null) {
                r.userAgent = value;
            }
        });
    }
}
