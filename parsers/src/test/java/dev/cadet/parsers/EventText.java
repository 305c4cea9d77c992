package dev.cadet.parsers;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Command;
import dev.cadet.model.Reject;
import dev.cadet.model.Source;

import java.time.Instant;
import java.util.List;

/**
 * A stable one-line JSON rendering of a {@link CloudEvent} for golden files: fixed key order, null
 * members left out, time as ISO-8601 UTC, origin without the file name (so a gzip copy of an input
 * renders identically).
 */
final class EventText {

    private final StringBuilder b = new StringBuilder(512);
    private boolean first;

    private EventText() {
    }

    static String render(CloudEvent e) {
        EventText t = new EventText();
        t.open();
        t.field("provider", e.provider().name());
        t.field("eventId", e.eventId());
        t.field("time", Instant.ofEpochMilli(e.time()).toString());
        t.field("kind", e.kind().name());
        t.field("action", e.action());
        t.field("outcome", e.outcome().name());
        t.field("errorCode", e.errorCode());
        t.field("errorMessage", e.errorMessage());
        t.actor(e.actor());
        t.source(e.source());
        t.list("targets", e.targets());
        t.field("subject", e.subject());
        t.command(e.command());
        if (e.cloud().account() != null || e.cloud().region() != null) {
            t.name("cloud");
            t.open();
            t.field("account", e.cloud().account());
            t.field("region", e.cloud().region());
            t.close();
        }
        t.field("correlationId", e.correlationId());
        t.name("origin");
        t.open();
        t.number("record", e.origin().record());
        t.number("line", e.origin().line());
        t.number("column", e.origin().column());
        t.close();
        t.close();
        return t.b.toString();
    }

    /** A command history entry: {@code {"commandHistory":{"document":...,"lines":[...],"commandId":...}}}. */
    static String render(Command c) {
        EventText t = new EventText();
        t.open();
        t.command(c, "commandHistory");
        t.close();
        return t.b.toString();
    }

    /** A quarantined record: {@code {"reject":{"record":3,"line":4,"column":1,"reason":...}}}. */
    static String render(Reject r) {
        EventText t = new EventText();
        t.open();
        t.name("reject");
        t.open();
        t.number("record", r.origin().record());
        t.number("line", r.origin().line());
        t.number("column", r.origin().column());
        t.field("reason", r.reason());
        t.close();
        t.close();
        return t.b.toString();
    }

    private void actor(Actor a) {
        name("actor");
        open();
        field("principalId", a.principalId());
        field("type", a.type().name());
        field("displayName", a.displayName());
        field("account", a.account());
        field("accessKeyId", a.accessKeyId());
        field("mfa", a.mfa().name());
        field("sessionIssuer", a.sessionIssuer());
        field("invokedBy", a.invokedBy());
        close();
    }

    private void source(Source s) {
        if (s.equals(Source.UNKNOWN)) {
            return;
        }
        name("source");
        open();
        field("ip", s.ip());
        field("serviceHost", s.serviceHost());
        field("userAgent", s.userAgent());
        field("country", s.country());
        field("city", s.city());
        close();
    }

    private void command(Command c) {
        command(c, "command");
    }

    private void command(Command c, String member) {
        if (c == null) {
            return;
        }
        name(member);
        open();
        field("document", c.document());
        list("lines", c.lines());
        field("commandId", c.commandId());
        field("outputLocation", c.outputLocation());
        close();
    }

    private void open() {
        b.append('{');
        first = true;
    }

    private void close() {
        b.append('}');
        first = false;
    }

    private void name(String name) {
        if (!first) {
            b.append(',');
        }
        first = false;
        string(name);
        b.append(':');
    }

    private void field(String name, String value) {
        if (value != null) {
            name(name);
            string(value);
        }
    }

    private void number(String name, long value) {
        name(name);
        b.append(value);
    }

    private void list(String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        name(name);
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            string(values.get(i));
        }
        b.append(']');
    }

    private void string(String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
