package dev.cadet.reports.internal;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Command;
import dev.cadet.model.Decision;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.Mfa;
import dev.cadet.model.Outcome;
import dev.cadet.model.Provider;
import dev.cadet.model.Severity;
import dev.cadet.model.Source;
import dev.cadet.model.ScanResult;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.SerializableString;
import tools.jackson.core.json.JsonFactory;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OCSF (Open Cybersecurity Schema Framework) records, one JSON object per line: normalized events as
 * API Activity (6003), Authentication (3002) or Account Change (3001), and findings as Detection
 * Finding (2004). The mapping is documented in {@code docs/report-formats.md}; what OCSF has no
 * attribute for goes under {@code unmapped}. Keys are written in a fixed order and absent values are
 * left out, so the same input gives the same bytes.
 */
public final class Ocsf {

    /** The OCSF schema version the records follow. */
    public static final String SCHEMA_VERSION = "1.4.0";

    /** JSON Lines: no separator between root values, a line feed written after each. */
    public static final JsonFactory JSONL = JsonText.FACTORY.rebuild()
            .rootValueSeparator((SerializableString) null).build();

    static final int API_ACTIVITY = 6003;
    static final int AUTHENTICATION = 3002;
    static final int ACCOUNT_CHANGE = 3001;
    static final int DETECTION_FINDING = 2004;
    private static final int OTHER_ACTIVITY = 99;

    private Ocsf() {
    }

    // ---- normalized events ---------------------------------------------------------------------

    /** The OCSF class an event maps to. */
    public static int classOf(CloudEvent e) {
        return switch (e.kind()) {
            case AUTHENTICATION -> AUTHENTICATION;
            case CREDENTIAL_CHANGE, PRIVILEGE_CHANGE -> ACCOUNT_CHANGE;
            default -> API_ACTIVITY;
        };
    }

    /** One normalized event as an OCSF object followed by a line feed. */
    public static void event(JsonGenerator g, CloudEvent e) {
        int classUid = classOf(e);
        Activity activity = activityOf(e);
        g.writeStartObject();
        classification(g, classUid, activity);
        g.writeNumberProperty("severity_id", 1);
        g.writeStringProperty("severity", "Informational");
        g.writeNumberProperty("time", e.time());
        status(g, e);
        metadata(g, e.eventId(), e.correlationId(), logProvider(e.provider()));
        cloud(g, e.provider(), e.cloud().account(), e.cloud().region());
        g.writeName("actor");
        actor(g, e.actor());
        endpoint(g, "src_endpoint", e.source());
        userAgent(g, e.source());
        switch (classUid) {
            case AUTHENTICATION -> {
                g.writeName("user");
                user(g, e.actor());
                if (e.actor().mfa() != Mfa.UNKNOWN) {
                    g.writeBooleanProperty("is_mfa", e.actor().mfa() == Mfa.USED);
                }
                g.writeName("service");
                g.writeStartObject();
                string(g, "name", service(e.action()));
                g.writeEndObject();
            }
            case ACCOUNT_CHANGE -> {
                g.writeName("user");
                g.writeStartObject();
                string(g, "uid", e.subject() != null ? e.subject() : e.principal());
                g.writeEndObject();
                if ((activity.id() == 7 || activity.id() == 8) && !e.targets().isEmpty()) {
                    g.writeName("policy");
                    g.writeStartObject();
                    string(g, "name", String.join(", ", e.targets()));
                    g.writeEndObject();
                }
            }
            default -> {
                api(g, e);
                resources(g, e.targets());
            }
        }
        g.writeName("unmapped");
        g.writeStartObject();
        string(g, "cadet_kind", e.kind().name());
        if (classUid != API_ACTIVITY) {
            api(g, e);
            strings(g, "targets", e.targets());
        }
        command(g, e.command());
        origin(g, e);
        g.writeEndObject();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /** Name and id of an OCSF activity. */
    record Activity(int id, String name) {
    }

    /** The activity of an event within its class ({@link #classOf}). */
    static Activity activityOf(CloudEvent e) {
        return switch (classOf(e)) {
            case AUTHENTICATION -> new Activity(1, "Logon");
            case ACCOUNT_CHANGE -> accountActivity(e);
            default -> apiActivity(e);
        };
    }

    private static Activity accountActivity(CloudEvent e) {
        String op = operation(e.action()).toLowerCase(Locale.ROOT);
        if (op.startsWith("attach") || op.startsWith("put") && op.contains("policy") || op.startsWith("addusertogroup")
                || op.startsWith("setiampolicy") || e.action().toLowerCase(Locale.ROOT).contains("roleassignments/write")) {
            return new Activity(7, "Attach Policy");
        }
        if (op.startsWith("detach") || op.startsWith("delete") && op.contains("policy")
                || op.startsWith("removeuserfromgroup")) {
            return new Activity(8, "Detach Policy");
        }
        if (op.contains("loginprofile") || op.startsWith("changepassword")) {
            return new Activity(3, "Password Change");
        }
        if (op.equals("createuser")) {
            return new Activity(1, "Create");
        }
        if (op.equals("deleteuser")) {
            return new Activity(6, "Delete");
        }
        return new Activity(OTHER_ACTIVITY, operation(e.action()));
    }

    private static final String[] READ = {"get", "list", "describe", "lookup", "search", "read", "view", "batchget"};
    private static final String[] CREATE = {"create", "put", "post", "add", "send", "start", "run", "register",
            "invoke", "import", "copy"};
    private static final String[] UPDATE = {"update", "modify", "set", "change", "edit", "write", "patch",
            "replace", "reset", "enable", "disable", "associate", "attach", "resume"};
    private static final String[] DELETE = {"delete", "remove", "detach", "revoke", "terminate", "deregister",
            "cancel", "disassociate"};

    /** Create, Read, Update or Delete from the operation's verb; anything else is Other with its name. */
    static Activity apiActivity(CloudEvent e) {
        String op = operation(e.action());
        String last = op.substring(op.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (startsWithAny(last, READ)) {
            return new Activity(2, "Read");
        }
        if (startsWithAny(last, CREATE)) {
            return new Activity(1, "Create");
        }
        if (startsWithAny(last, UPDATE)) {
            return new Activity(3, "Update");
        }
        if (startsWithAny(last, DELETE)) {
            return new Activity(4, "Delete");
        }
        return new Activity(OTHER_ACTIVITY, op);
    }

    private static boolean startsWithAny(String s, String[] prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String className(int classUid) {
        return switch (classUid) {
            case AUTHENTICATION -> "Authentication";
            case ACCOUNT_CHANGE -> "Account Change";
            case DETECTION_FINDING -> "Detection Finding";
            default -> "API Activity";
        };
    }

    private static void classification(JsonGenerator g, int classUid, Activity activity) {
        int category = classUid / 1000;
        g.writeNumberProperty("activity_id", activity.id());
        string(g, "activity_name", activity.name());
        g.writeNumberProperty("category_uid", category);
        g.writeStringProperty("category_name", switch (category) {
            case 2 -> "Findings";
            case 3 -> "Identity & Access Management";
            default -> "Application Activity";
        });
        g.writeNumberProperty("class_uid", classUid);
        g.writeStringProperty("class_name", className(classUid));
        g.writeNumberProperty("type_uid", classUid * 100L + activity.id());
        string(g, "type_name", className(classUid) + ": " + activity.name());
    }

    private static void status(JsonGenerator g, CloudEvent e) {
        int id = e.outcome() == Outcome.SUCCESS ? 1 : e.outcome() == Outcome.FAILURE ? 2 : 0;
        g.writeNumberProperty("status_id", id);
        g.writeStringProperty("status", id == 1 ? "Success" : id == 2 ? "Failure" : "Unknown");
        string(g, "status_code", e.errorCode());
        string(g, "status_detail", e.errorMessage());
    }

    private static void metadata(JsonGenerator g, String uid, String correlationUid, String logProvider) {
        g.writeName("metadata");
        g.writeStartObject();
        g.writeStringProperty("version", SCHEMA_VERSION);
        g.writeName("product");
        g.writeStartObject();
        g.writeStringProperty("name", "cadet");
        g.writeStringProperty("vendor_name", "cadet");
        g.writeEndObject();
        string(g, "uid", uid);
        string(g, "correlation_uid", correlationUid);
        string(g, "log_provider", logProvider);
        g.writeEndObject();
    }

    private static String logProvider(Provider p) {
        return switch (p) {
            case AWS -> "AWS CloudTrail";
            case AZURE -> "Azure Activity Log";
            case ENTRA -> "Microsoft Entra ID";
            case GCP -> "Google Cloud Audit Logs";
        };
    }

    private static void cloud(JsonGenerator g, Provider provider, String account, String region) {
        g.writeName("cloud");
        g.writeStartObject();
        g.writeStringProperty("provider", provider.name());
        if (account != null) {
            g.writeName("account");
            g.writeStartObject();
            string(g, "uid", account);
            g.writeEndObject();
        }
        string(g, "region", region);
        g.writeEndObject();
    }

    private static void actor(JsonGenerator g, Actor a) {
        g.writeStartObject();
        g.writeName("user");
        user(g, a);
        if (a.mfa() != Mfa.UNKNOWN || a.sessionIssuer() != null) {
            g.writeName("session");
            g.writeStartObject();
            if (a.mfa() != Mfa.UNKNOWN) {
                g.writeBooleanProperty("is_mfa", a.mfa() == Mfa.USED);
            }
            string(g, "issuer", a.sessionIssuer());
            g.writeEndObject();
        }
        string(g, "invoked_by", a.invokedBy());
        g.writeEndObject();
    }

    private static void user(JsonGenerator g, Actor a) {
        g.writeStartObject();
        string(g, "uid", a.principalId());
        string(g, "name", a.displayName());
        int typeId = switch (a.type()) {
            case USER, FEDERATED -> 1;
            case ROOT -> 2;
            case SERVICE, INSTANCE -> 3;
            case ROLE -> 99;
            case UNKNOWN -> 0;
        };
        g.writeNumberProperty("type_id", typeId);
        g.writeStringProperty("type", switch (typeId) {
            case 1 -> "User";
            case 2 -> "Admin";
            case 3 -> "System";
            case 99 -> "Role";
            default -> "Unknown";
        });
        if (a.account() != null) {
            g.writeName("account");
            g.writeStartObject();
            string(g, "uid", a.account());
            g.writeEndObject();
        }
        string(g, "credential_uid", a.accessKeyId());
        g.writeEndObject();
    }

    private static void endpoint(JsonGenerator g, String name, Source s) {
        if (s.ip() == null && s.serviceHost() == null && s.country() == null && s.city() == null) {
            return;
        }
        g.writeName(name);
        g.writeStartObject();
        string(g, "ip", s.ip());
        string(g, "domain", s.serviceHost());
        if (s.country() != null || s.city() != null) {
            g.writeName("location");
            g.writeStartObject();
            string(g, "country", s.country());
            string(g, "city", s.city());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void userAgent(JsonGenerator g, Source s) {
        if (s.userAgent() != null) {
            g.writeName("http_request");
            g.writeStartObject();
            string(g, "user_agent", s.userAgent());
            g.writeEndObject();
        }
    }

    private static void api(JsonGenerator g, CloudEvent e) {
        g.writeName("api");
        g.writeStartObject();
        string(g, "operation", operation(e.action()));
        g.writeName("service");
        g.writeStartObject();
        string(g, "name", service(e.action()));
        g.writeEndObject();
        if (e.errorCode() != null || e.errorMessage() != null) {
            g.writeName("response");
            g.writeStartObject();
            string(g, "error", e.errorCode());
            string(g, "error_message", e.errorMessage());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void resources(JsonGenerator g, List<String> targets) {
        if (targets.isEmpty()) {
            return;
        }
        g.writeArrayPropertyStart("resources");
        for (String t : targets) {
            g.writeStartObject();
            string(g, "uid", t);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void command(JsonGenerator g, Command c) {
        if (c == null) {
            return;
        }
        g.writeName("command");
        g.writeStartObject();
        string(g, "document", c.document());
        strings(g, "lines", c.lines());
        string(g, "command_id", c.commandId());
        string(g, "output_location", c.outputLocation());
        g.writeEndObject();
    }

    private static void origin(JsonGenerator g, CloudEvent e) {
        g.writeName("origin");
        g.writeStartObject();
        string(g, "file", e.origin().file());
        g.writeNumberProperty("record", e.origin().record());
        if (e.origin().line() > 0) {
            g.writeNumberProperty("line", e.origin().line());
        }
        g.writeEndObject();
    }

    /** {@code ssm} of {@code ssm:SendCommand}; the resource provider of an Azure operation. */
    static String service(String action) {
        int colon = action.indexOf(':');
        if (colon > 0) {
            return action.substring(0, colon);
        }
        int slash = action.indexOf('/');
        return slash > 0 ? action.substring(0, slash) : action;
    }

    /** {@code SendCommand} of {@code ssm:SendCommand}; an Azure or GCP operation whole. */
    static String operation(String action) {
        int colon = action.indexOf(':');
        return colon > 0 && colon < action.length() - 1 ? action.substring(colon + 1) : action;
    }

    // ---- findings ------------------------------------------------------------------------------

    /**
     * {@code findings.jsonl}: every finding of the scan, in id order, as an OCSF Detection Finding per
     * line. The stream is flushed, not closed; an I/O failure surfaces as {@link UncheckedIOException}.
     */
    public static void findings(ScanResult result, OutputStream out) {
        ScanIndex index = new ScanIndex(result);
        Map<String, Incident> byId = new HashMap<>();
        result.incidents().forEach(i -> byId.put(i.id(), i));
        try (JsonGenerator g = JSONL.createGenerator(ObjectWriteContext.empty(), out)) {
            for (Finding f : index.findingsById()) {
                finding(g, f, index.incidentsOf(f).stream().map(byId::get).toList());
            }
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(e.getCause());
        }
    }

    /** One finding as an OCSF Detection Finding followed by a line feed. */
    public static void finding(JsonGenerator g, Finding f, List<Incident> incidents) {
        CloudEvent first = f.evidence().get(0);
        g.writeStartObject();
        classification(g, DETECTION_FINDING, new Activity(1, "Create"));
        g.writeNumberProperty("severity_id", severityId(f.severity()));
        g.writeStringProperty("severity", severityName(f.severity()));
        g.writeNumberProperty("status_id", 1);
        g.writeStringProperty("status", "New");
        boolean alert = incidents.isEmpty() || incidents.stream().anyMatch(i -> i.decision() != Decision.BENIGN);
        g.writeBooleanProperty("is_alert", alert);
        // The finding exists once its last evidence is seen; cadet never uses the wall clock.
        g.writeNumberProperty("time", f.lastSeen());
        g.writeNumberProperty("start_time", f.firstSeen());
        g.writeNumberProperty("end_time", f.lastSeen());
        string(g, "message", f.summary());
        metadata(g, f.id(), incidents.isEmpty() ? null : incidents.get(0).id(), logProvider(f.provider()));
        g.writeName("finding_info");
        g.writeStartObject();
        string(g, "uid", f.id());
        string(g, "title", f.detector());
        string(g, "desc", f.summary());
        strings(g, "types", List.of(f.detector()));
        g.writeName("analytic");
        g.writeStartObject();
        string(g, "uid", f.detector());
        string(g, "name", f.detector());
        g.writeNumberProperty("type_id", 1);
        g.writeStringProperty("type", "Rule");
        g.writeEndObject();
        g.writeNumberProperty("first_seen_time", f.firstSeen());
        g.writeNumberProperty("last_seen_time", f.lastSeen());
        g.writeArrayPropertyStart("related_events");
        for (CloudEvent e : f.evidence()) {
            g.writeStartObject();
            string(g, "uid", e.eventId());
            g.writeNumberProperty("type_uid", classOf(e) * 100L + activityOf(e).id());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        cloud(g, f.provider(), first.cloud().account(), first.cloud().region());
        g.writeName("actor");
        g.writeStartObject();
        g.writeName("user");
        g.writeStartObject();
        string(g, "uid", f.principal());
        string(g, "credential_uid", f.accessKeyId());
        g.writeEndObject();
        g.writeEndObject();
        if (f.sourceIp() != null) {
            g.writeName("src_endpoint");
            g.writeStartObject();
            string(g, "ip", f.sourceIp());
            g.writeEndObject();
        }
        resources(g, f.targets());
        g.writeArrayPropertyStart("evidences");
        for (CloudEvent e : f.evidence()) {
            g.writeStartObject();
            g.writeName("actor");
            actor(g, e.actor());
            api(g, e);
            endpoint(g, "src_endpoint", e.source());
            userAgent(g, e.source());
            g.writeName("data");
            g.writeStartObject();
            string(g, "event_uid", e.eventId());
            g.writeNumberProperty("time", e.time());
            string(g, "kind", e.kind().name());
            string(g, "outcome", e.outcome().name());
            strings(g, "targets", e.targets());
            string(g, "record", Text.location(e.origin()));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("unmapped");
        g.writeStartObject();
        g.writeArrayPropertyStart("incidents");
        for (Incident i : incidents) {
            g.writeStartObject();
            string(g, "uid", i.id());
            string(g, "decision", i.decision().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    static int severityId(Severity s) {
        return switch (s) {
            case INFO -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    private static String severityName(Severity s) {
        return switch (s) {
            case INFO -> "Informational";
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
        };
    }

    // ---- values --------------------------------------------------------------------------------

    /** A string property, left out when {@code null}: OCSF consumers treat absent and null alike. */
    private static void string(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, JsonText.value(value));
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(JsonText.value(v));
        }
        g.writeEndArray();
    }
}
