package dev.cadet.parsers.internal.aws;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.ByteMemo;
import dev.cadet.parsers.internal.CursorReader;
import dev.cadet.parsers.internal.JsonFields;
import dev.cadet.parsers.internal.ParserCursor;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.RecordCursor;
import dev.cadet.parsers.internal.StringTable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static java.util.Map.entry;

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
final class CloudTrailReader implements CursorReader {

    /** The members of {@code requestParameters} a reading needs; the rest is skipped. */
    private static final Map<String, Field> REQUEST = Map.ofEntries(
            entry("instanceIds", (self, p, v) -> strings(p, v, self.r.instanceIds)),
            entry("targets", CloudTrailReader::targets),
            entry("target", (self, p, v) -> self.r.target = text(p, v)),
            entry("instanceId", (self, p, v) -> self.r.instanceId = text(p, v)),
            entry("instancesSet", (self, p, v) -> instancesSet(p, v, self.r.setInstanceIds)),
            entry("userData", (self, p, v) -> {
                self.r.userDataGiven = true;
                self.r.userData = valueOrText(p, v);
            }),
            entry("attribute", (self, p, v) -> self.r.attribute = text(p, v)),
            entry("value", (self, p, v) -> self.r.attributeValue = text(p, v)),
            entry("launchTemplateData", CloudTrailReader::launchTemplateData),
            entry("documentName", (self, p, v) -> self.r.documentName = self.strings.text(p, v)),
            entry("name", (self, p, v) -> self.r.name = text(p, v)),
            entry("outputS3BucketName", (self, p, v) -> self.r.outputBucket = text(p, v)),
            entry("outputS3KeyPrefix", (self, p, v) -> self.r.outputPrefix = text(p, v)),
            entry("parameters", CloudTrailReader::commandParameters),
            entry("userName", (self, p, v) -> self.r.userName = text(p, v)),
            entry("roleName", (self, p, v) -> self.r.roleName = text(p, v)),
            entry("groupName", (self, p, v) -> self.r.groupName = text(p, v)),
            entry("policyArn", (self, p, v) -> self.r.policyArn = text(p, v)),
            entry("policyName", (self, p, v) -> self.r.policyName = text(p, v)),
            entry("accessKeyId", (self, p, v) -> self.r.requestAccessKeyId = text(p, v)));

    /** The members of {@code responseElements} a reading needs. */
    private static final Map<String, Field> RESPONSE = Map.of(
            "ConsoleLogin", (self, p, v) -> self.r.consoleLogin = self.strings.text(p, v),
            "command", CloudTrailReader::command,
            "accessKey", (self, p, v) -> self.r.newAccessKeyId = member(p, v, "accessKeyId"),
            "instancesSet", (self, p, v) -> instancesSet(p, v, self.r.responseInstanceIds));

    /** The members of {@code additionalEventData} a reading needs. */
    private static final Map<String, Field> ADDITIONAL = Map.of(
            "MFAUsed", (self, p, v) -> self.r.mfaUsed = self.strings.text(p, v),
            "UserName", (self, p, v) -> self.r.additionalUserName = self.strings.text(p, v));

    /** The members of {@code serviceEventDetails} a reading needs. */
    private static final Map<String, Field> SERVICE = Map.of(
            "UserAuthentication", (self, p, v) -> self.r.userAuthentication = text(p, v));

    /** Reads one member of a nested object, the parser on its value. */
    @FunctionalInterface
    private interface Field {
        void read(CloudTrailReader self, JsonParser p, JsonToken value);
    }

    /** Identities by the bytes of their {@code userIdentity}, per thread: sessions make call after call. */
    private static final ThreadLocal<ByteMemo<CloudTrailRecord.Identity>> IDENTITIES =
            ThreadLocal.withInitial(() -> new ByteMemo<>(12, 4096, true));

    private final ByteMemo<CloudTrailRecord.Identity> identities = IDENTITIES.get();
    private final CloudTrailRecord r = new CloudTrailRecord();
    private final CloudTrailMapper mapper;
    private final StringTable strings;
    private final ParserCursor parser;
    // Made once per reader: a lambda that captures the reader is otherwise a new object per record.
    private final BiFunction<RecordCursor, JsonToken, CloudTrailRecord.Identity> identity = this::userIdentity;
    private final JsonFields.Walker request = (p, v) -> members(p, v, REQUEST);
    private final JsonFields.Walker response = (p, v) -> members(p, v, RESPONSE);
    private final JsonFields.Walker additional = (p, v) -> members(p, v, ADDITIONAL);
    private final JsonFields.Walker service = (p, v) -> members(p, v, SERVICE);

    CloudTrailReader(ReadSession session) {
        this.mapper = new CloudTrailMapper(session);
        this.strings = session.strings();
        this.parser = new ParserCursor(strings);
    }

    @Override
    public CloudEvent read(JsonParser p, JsonToken first, Origin origin) {
        return read(parser.on(p), first, origin);
    }

    @Override
    public CloudEvent read(RecordCursor c, JsonToken first, Origin origin) {
        if (first != JsonToken.START_OBJECT) {
            c.skipChildren();
            throw notAnObject(first, "a CloudTrail event");
        }
        r.reset();
        record(c);
        return mapper.map(r, origin);
    }

    private void record(RecordCursor c) {
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken t = c.nextToken();
            switch (name) {
                case "eventTime" -> {
                    // Parsed from the characters in place: no string per record unless one is needed.
                    r.eventTimeToken = t;
                    if (t == JsonToken.VALUE_STRING) {
                        c.copyString(r.eventTime);
                    } else {
                        c.skipChildren();
                    }
                }
                case "@timestamp" -> r.logstashTimestamp = c.shared(t);
                case "eventSource" -> {
                    r.eventSourceToken = t;
                    r.eventSource = c.shared(t);
                }
                case "eventName" -> {
                    r.eventNameToken = t;
                    r.eventName = c.shared(t);
                }
                case "eventID" -> r.eventId.read(c, t);
                case "requestID" -> r.requestId.read(c, t);
                case "awsRegion" -> r.awsRegion = c.shared(t);
                case "recipientAccountId" -> r.recipientAccountId = c.shared(t);
                case "sourceIPAddress" -> r.sourceIp = c.shared(t);
                case "userAgent" -> r.userAgent = c.shared(t);
                case "errorCode" -> r.errorCode = c.shared(t);
                case "errorMessage" -> r.errorMessage = c.text(t);
                case "userIdentity" -> r.id = c.once(t, identities, identity);
                case "requestParameters" -> c.walk(t, REQUEST.keySet(), request);
                case "responseElements" -> c.walk(t, RESPONSE.keySet(), response);
                case "additionalEventData" -> c.walk(t, ADDITIONAL.keySet(), additional);
                case "serviceEventDetails" -> c.walk(t, SERVICE.keySet(), service);
                default -> c.skipChildren();
            }
        }
    }

    /** The identity a {@code userIdentity} value holds; the same bytes, the same identity. */
    private CloudTrailRecord.Identity userIdentity(RecordCursor c, JsonToken t) {
        if (!c.isObject(t)) {
            return CloudTrailRecord.Identity.NONE;
        }
        r.id = new CloudTrailRecord.Identity();
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            switch (name) {
                case "type" -> r.id.type = c.shared(v);
                case "principalId" -> r.id.principalId = c.shared(v);
                case "arn" -> r.id.arn = c.shared(v);
                case "accountId" -> r.id.accountId = c.shared(v);
                case "accessKeyId" -> r.id.accessKeyId = c.shared(v);
                case "userName" -> r.id.userName = c.shared(v);
                case "invokedBy" -> r.id.invokedBy = c.shared(v);
                case "sessionContext" -> sessionContext(c, v);
                case "onBehalfOf" -> onBehalfOf(c, v);
                default -> c.skipChildren();
            }
        }
        return r.id;
    }

    private void sessionContext(RecordCursor c, JsonToken t) {
        if (!c.isObject(t)) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            switch (name) {
                case "sessionIssuer" -> sessionIssuer(c, v);
                case "attributes" -> r.id.mfaAuthenticated = member(c, v, "mfaAuthenticated", true);
                default -> c.skipChildren();
            }
        }
    }

    private void sessionIssuer(RecordCursor c, JsonToken t) {
        if (!c.isObject(t)) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            switch (name) {
                case "arn" -> r.id.issuerArn = c.shared(v);
                case "userName" -> r.id.issuerUserName = c.shared(v);
                default -> c.skipChildren();
            }
        }
    }

    private void onBehalfOf(RecordCursor c, JsonToken t) {
        if (!c.isObject(t)) {
            return;
        }
        String name;
        while ((name = c.nextName()) != null) {
            JsonToken v = c.nextToken();
            switch (name) {
                case "userId" -> r.id.onBehalfOfUserId = c.shared(v);
                case "identityStoreArn" -> r.id.identityStoreArn = c.shared(v);
                default -> c.skipChildren();
            }
        }
    }

    /** The members of an object that {@code fields} reads; the rest is skipped. */
    private void members(JsonParser p, JsonToken t, Map<String, Field> fields) {
        if (!isObject(p, t)) {
            return;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken v = p.nextToken();
            Field field = fields.get(name);
            if (field == null) {
                p.skipChildren();
            } else {
                field.read(this, p, v);
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
}
