package dev.cadet.parsers.internal.aws;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.StringTable;
import dev.cadet.parsers.internal.ValueReader;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.List;

import static dev.cadet.parsers.internal.JsonFields.isObject;
import static dev.cadet.parsers.internal.JsonFields.member;
import static dev.cadet.parsers.internal.JsonFields.notAnObject;
import static dev.cadet.parsers.internal.JsonFields.strings;
import static dev.cadet.parsers.internal.JsonFields.text;
import static dev.cadet.parsers.internal.JsonFields.valueOrText;

/**
 * Reads one raw CloudTrail record with a single pass over its tokens: the fields the mapping needs are
 * picked (property names are canonical strings from the parser's symbol table, matched by
 * {@code switch}), everything else is skipped without being decoded. Which request fields matter depends
 * on the operation, and a record's field order is not guaranteed, so the few candidates are always read.
 */
final class CloudTrailReader implements ValueReader {

    private final CloudTrailRecord r = new CloudTrailRecord();
    private final CloudTrailMapper mapper;
    private final StringTable strings;

    CloudTrailReader(ReadSession session) {
        this.mapper = new CloudTrailMapper(session);
        this.strings = session.strings();
    }

    @Override
    public CloudEvent read(JsonParser p, JsonToken first, Origin origin) {
        if (first != JsonToken.START_OBJECT) {
            throw notAnObject(p, first, "a CloudTrail event");
        }
        r.reset();
        record(p);
        return mapper.map(r, origin);
    }

    private void record(JsonParser p) {
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "eventTime" -> {
                    // Parsed from the characters in place: no string per record unless one is needed.
                    r.eventTimeToken = t;
                    if (t == JsonToken.VALUE_STRING) {
                        r.eventTime.set(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "@timestamp" -> r.logstashTimestamp = shared(p, t);
                case "eventSource" -> {
                    r.eventSourceToken = t;
                    r.eventSource = shared(p, t);
                }
                case "eventName" -> {
                    r.eventNameToken = t;
                    r.eventName = shared(p, t);
                }
                case "eventID" -> r.eventId = text(p, t);
                case "requestID" -> r.requestId(p, t);
                case "awsRegion" -> r.awsRegion = shared(p, t);
                case "recipientAccountId" -> r.recipientAccountId = shared(p, t);
                case "sourceIPAddress" -> r.sourceIp = shared(p, t);
                case "userAgent" -> r.userAgent = shared(p, t);
                case "errorCode" -> r.errorCode = shared(p, t);
                case "errorMessage" -> r.errorMessage = text(p, t);
                case "userIdentity" -> userIdentity(p, t);
                case "requestParameters" -> requestParameters(p, t);
                case "responseElements" -> responseElements(p, t);
                case "additionalEventData" -> additionalEventData(p, t);
                case "serviceEventDetails" -> r.userAuthentication = member(p, t, "UserAuthentication");
                default -> p.skipChildren();
            }
        }
    }

    /** A value that repeats across records, from the string table. */
    private String shared(JsonParser p, JsonToken t) {
        return strings.text(p, t);
    }

    private void userIdentity(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "type" -> r.idType = shared(p, v);
                case "principalId" -> r.idPrincipalId = shared(p, v);
                case "arn" -> r.idArn = shared(p, v);
                case "accountId" -> r.idAccountId = shared(p, v);
                case "accessKeyId" -> r.idAccessKeyId = shared(p, v);
                case "userName" -> r.idUserName = shared(p, v);
                case "invokedBy" -> r.idInvokedBy = shared(p, v);
                case "sessionContext" -> sessionContext(p, v);
                case "onBehalfOf" -> onBehalfOf(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private void sessionContext(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "sessionIssuer" -> sessionIssuer(p, v);
                case "attributes" -> r.mfaAuthenticated = member(p, v, "mfaAuthenticated", strings);
                default -> p.skipChildren();
            }
        }
    }

    private void sessionIssuer(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "arn" -> r.issuerArn = shared(p, v);
                case "userName" -> r.issuerUserName = shared(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private void onBehalfOf(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "userId" -> r.onBehalfOfUserId = shared(p, v);
                case "identityStoreArn" -> r.identityStoreArn = shared(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private void requestParameters(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "instanceIds" -> strings(p, v, r.instanceIds);
                case "targets" -> targets(p, v);
                case "target" -> r.target = text(p, v);
                case "instanceId" -> r.instanceId = text(p, v);
                case "instancesSet" -> instancesSet(p, v, r.setInstanceIds);
                case "userData" -> {
                    r.userDataGiven = true;
                    r.userData = valueOrText(p, v);
                }
                case "attribute" -> r.attribute = text(p, v);
                case "value" -> r.attributeValue = text(p, v);
                case "launchTemplateData" -> launchTemplateData(p, v);
                case "documentName" -> r.documentName = shared(p, v);
                case "name" -> r.name = text(p, v);
                case "outputS3BucketName" -> r.outputBucket = text(p, v);
                case "outputS3KeyPrefix" -> r.outputPrefix = text(p, v);
                case "parameters" -> commandParameters(p, v);
                case "userName" -> r.userName = text(p, v);
                case "roleName" -> r.roleName = text(p, v);
                case "groupName" -> r.groupName = text(p, v);
                case "policyArn" -> r.policyArn = text(p, v);
                case "policyName" -> r.policyName = text(p, v);
                case "accessKeyId" -> r.requestAccessKeyId = text(p, v);
                default -> p.skipChildren();
            }
        }
    }

    /** SSM targets: {@code [{"Key": "tag:Env", "Values": ["prod"]}]}; CloudTrail writes the keys in either case. */
    private void targets(JsonParser p, JsonToken t) {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            if (item != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String key = null;
            StringBuilder values = null;
            boolean instanceIds = false;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken v = p.nextToken();
                if ("Key".equals(name) || "key".equals(name)) {
                    key = text(p, v);
                } else if ("Values".equals(name) || "values".equals(name)) {
                    values = new StringBuilder();
                    if (v == JsonToken.START_ARRAY) {
                        JsonToken e;
                        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                            String s = text(p, e);
                            if (s != null) {
                                values.append(values.isEmpty() ? "" : ",").append(s);
                            }
                        }
                    } else {
                        String s = text(p, v);
                        if (s != null) {
                            values.append(s);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (key != null && "instanceids".equalsIgnoreCase(key)) {
                instanceIds = true;
            }
            if (instanceIds && values != null) {
                // Instance ids given as a target selector are machines, like instanceIds.
                for (String id : values.toString().split(",")) {
                    if (!id.isEmpty()) {
                        r.targetSelectors.add(id);
                    }
                }
            } else if (key != null) {
                r.targetSelectors.add(key + "=" + (values == null ? "" : values));
            }
        }
    }

    /** EC2 item sets: {@code {"items": [{"instanceId": "i-..."}]}}. */
    private static void instancesSet(JsonParser p, JsonToken t, List<String> into) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if (!"items".equals(name) || v != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                if (item != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String field;
                while ((field = p.nextName()) != null) {
                    JsonToken f = p.nextToken();
                    if ("instanceId".equals(field)) {
                        String id = text(p, f);
                        if (id != null) {
                            into.add(id);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
    }

    private void launchTemplateData(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if ("userData".equals(name)) {
                r.launchTemplateUserDataGiven = true;
                r.launchTemplateUserData = valueOrText(p, v);
            } else {
                p.skipChildren();
            }
        }
    }

    /** SSM document parameters; usually the string HIDDEN_DUE_TO_SECURITY_REASONS, sometimes an object. */
    private void commandParameters(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            if ("commands".equals(name)) {
                strings(p, v, r.commands);
            } else {
                p.skipChildren();
            }
        }
    }

    private void responseElements(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "ConsoleLogin" -> r.consoleLogin = shared(p, v);
                case "command" -> command(p, v);
                case "accessKey" -> r.newAccessKeyId = member(p, v, "accessKeyId");
                case "instancesSet" -> instancesSet(p, v, r.responseInstanceIds);
                default -> p.skipChildren();
            }
        }
    }

    private void command(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "commandId" -> r.commandId = text(p, v);
                case "outputS3BucketName" -> r.responseOutputBucket = text(p, v);
                case "outputS3KeyPrefix" -> r.responseOutputPrefix = text(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private void additionalEventData(JsonParser p, JsonToken t) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "MFAUsed" -> r.mfaUsed = shared(p, v);
                case "UserName" -> r.additionalUserName = shared(p, v);
                default -> p.skipChildren();
            }
        }
    }

}
