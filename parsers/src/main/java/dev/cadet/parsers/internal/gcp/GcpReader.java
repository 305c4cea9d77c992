package dev.cadet.parsers.internal.gcp;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.ValueReader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.List;

import static dev.cadet.parsers.internal.JsonFields.eachObject;
import static dev.cadet.parsers.internal.JsonFields.isObject;
import static dev.cadet.parsers.internal.JsonFields.member;
import static dev.cadet.parsers.internal.JsonFields.notAnObject;
import static dev.cadet.parsers.internal.JsonFields.strings;
import static dev.cadet.parsers.internal.JsonFields.text;

/** Reads one Cloud Logging entry with a single pass over its tokens, picking what an audit log entry carries. */
final class GcpReader implements ValueReader {

    /** Request bodies nest a few levels ({@code metadata.items[].value}); deeper content is not metadata. */
    private static final int MAX_REQUEST_DEPTH = 6;

    private final GcpRecord r = new GcpRecord();
    private final GcpMapper mapper;

    GcpReader(ReadSession session) {
        this.mapper = new GcpMapper(session);
    }

    @Override
    public CloudEvent read(JsonParser p, JsonToken first, Origin origin) {
        if (first != JsonToken.START_OBJECT) {
            throw notAnObject(p, first, "a Cloud Logging entry");
        }
        r.reset();
        entry(p);
        return mapper.map(r, origin);
    }

    private void entry(JsonParser p) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "insertId" -> r.insertId = text(p, t);
                case "logName" -> r.logName = text(p, t);
                case "timestamp" -> r.timestamp = text(p, t);
                case "resource" -> resource(p, t);
                case "operation" -> operation(p, t);
                case "protoPayload" -> protoPayload(p, t);
                default -> p.skipChildren();
            }
        }
    }

    private void resource(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if (!"labels".equals(name)) {
                p.skipChildren();
                continue;
            }
            if (!isObject(p, v)) {
                continue;
            }
            String label;
            while ((label = p.nextName()) != null) {
                JsonToken l = p.nextToken();
                switch (label) {
                    case "project_id" -> r.projectId = text(p, l);
                    case "instance_id" -> r.instanceId = text(p, l);
                    case "zone" -> r.zone = text(p, l);
                    case "location", "region" -> r.location = text(p, l);
                    case "email_id" -> r.saEmail = text(p, l);
                    default -> p.skipChildren();
                }
            }
        }
    }

    /** {@code {"id", "producer", "first": true, "last": true}}: the entries of one long-running operation. */
    private void operation(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> r.operationId = text(p, v);
                case "first" -> r.operationFirst = v == JsonToken.VALUE_TRUE;
                case "last" -> r.operationLast = v == JsonToken.VALUE_TRUE;
                default -> p.skipChildren();
            }
        }
    }

    private void protoPayload(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        r.protoPayload = true;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "@type" -> r.payloadType = text(p, v);
                case "serviceName" -> r.serviceName = text(p, v);
                case "methodName" -> r.methodName = text(p, v);
                case "resourceName" -> r.resourceName = text(p, v);
                case "authenticationInfo" -> authenticationInfo(p, v);
                case "requestMetadata" -> requestMetadata(p, v);
                case "status" -> status(p, v);
                case "request" -> request(p, v, "", 0);
                case "response" -> response(p, v);
                case "metadata", "serviceData" -> details(p, v, 0);
                default -> p.skipChildren();
            }
        }
    }

    private void authenticationInfo(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "principalEmail" -> r.principalEmail = text(p, v);
                case "principalSubject" -> r.principalSubject = text(p, v);
                case "serviceAccountDelegationInfo" -> delegation(p, v);
                default -> p.skipChildren();
            }
        }
    }

    /** The first principal in the delegation chain: who the caller acts for. */
    private void delegation(JsonParser p, JsonToken t) {
        eachObject(p, t, (dp, item) -> {
            String name;
            while ((name = dp.nextName()) != null) {
                JsonToken v = dp.nextToken();
                String principal = switch (name) {
                    case "firstPartyPrincipal", "thirdPartyPrincipal" -> member(dp, v, "principalEmail");
                    case "principalSubject" -> text(dp, v);
                    default -> {
                        dp.skipChildren();
                        yield null;
                    }
                };
                if (r.delegatedBy == null) {
                    r.delegatedBy = principal;
                }
            }
        });
    }

    private void requestMetadata(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "callerIp", "callerIP" -> r.callerIp = text(p, v);
                case "callerSuppliedUserAgent" -> r.userAgent = text(p, v);
                case "requestAttributes" -> requestAttributes(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private void requestAttributes(JsonParser p, JsonToken t) {
        r.requestTime = member(p, t, "time");
    }

    private void status(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "code" -> r.statusCode = text(p, v);
                case "message" -> r.statusMessage = text(p, v);
                default -> p.skipChildren();
            }
        }
    }

    /**
     * The request, as far as the audit log keeps it: metadata items ({@code {"key", "value"}}), the key lists
     * compute writes ({@code "Metadata Keys Added"}), the name of the account a token is asked for, a policy's
     * bindings.
     */
    private void request(JsonParser p, JsonToken t, String parent, int depth) {
        if (depth > MAX_REQUEST_DEPTH) {
            p.skipChildren();
            return;
        }
        if (t == JsonToken.START_ARRAY) {
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                if ("items".equals(parent) && item == JsonToken.START_OBJECT) {
                    metadataItem(p);
                } else if ("bindings".equals(parent) && item == JsonToken.START_OBJECT) {
                    binding(p, false);
                } else {
                    request(p, item, parent, depth + 1);
                }
            }
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "Metadata Keys Added", "Metadata Keys Modified" -> strings(p, v, r.metadataKeys);
                case "name" -> {
                    String s = text(p, v);
                    if (depth == 0) {
                        r.requestName = s;
                    }
                }
                default -> request(p, v, name, depth + 1);
            }
        }
    }

    private void metadataItem(JsonParser p) {
        String key = null;
        String value = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "key" -> key = text(p, v);
                case "value" -> value = text(p, v);
                default -> p.skipChildren();
            }
        }
        if (key != null) {
            r.metadataItemKeys.add(key);
            r.metadataItemValues.add(value);
        }
    }

    /** {@code {"role", "members": [...]}} of a policy, or {@code {"action", "role", "member"}} of a delta. */
    private void binding(JsonParser p, boolean delta) {
        String role = null;
        String action = null;
        List<String> members = new ArrayList<>(2);
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "role" -> role = text(p, v);
                case "action" -> action = text(p, v);
                case "member", "members" -> strings(p, v, members);
                default -> p.skipChildren();
            }
        }
        if (role == null || (delta && action != null && !"ADD".equals(action))) {
            return;
        }
        if (members.isEmpty()) {
            members.add(null);
        }
        for (String member : members) {
            (delta ? r.deltaRoles : r.policyRoles).add(role);
            (delta ? r.deltaMembers : r.policyMembers).add(member);
        }
    }

    private void response(JsonParser p, JsonToken t) {
        r.responseName = member(p, t, "name");
    }

    /**
     * {@code metadata} and {@code serviceData}: the instance or project metadata delta
     * ({@code instanceMetadataDelta.addedMetadataKeys}...) and the IAM policy delta
     * ({@code policyDelta.bindingDeltas}).
     */
    private void details(JsonParser p, JsonToken t, int depth) {
        if (depth > 2) {
            p.skipChildren();
            return;
        }
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "instanceMetadataDelta", "projectMetadataDelta" -> metadataDelta(p, v);
                case "policyDelta" -> policyDelta(p, v);
                default -> {
                    if (v == JsonToken.START_OBJECT) {
                        details(p, v, depth + 1);
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
    }

    private void metadataDelta(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "addedMetadataKeys", "modifiedMetadataKeys" -> strings(p, v, r.metadataKeys);
                default -> p.skipChildren();
            }
        }
    }

    private void policyDelta(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if ("bindingDeltas".equals(name)) {
                eachObject(p, v, (bp, item) -> binding(bp, true));
            } else {
                p.skipChildren();
            }
        }
    }
}
