package dev.cadet.cli.internal.baseline;

import dev.cadet.detectors.Baseline;
import dev.cadet.model.CadetException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline file ({@code cadet baseline learn --out baseline.json}): a JSON object, written and read
 * with Jackson's streaming API. Format {@value #FORMAT}, version {@value #VERSION}; docs/configuration.md
 * describes every field. Written to a temporary file and moved into place, so a reader never sees half
 * of one. A wrong file fails with its line, column and the field that is wrong.
 */
public final class BaselineFile {

    public static final String FORMAT = "cadet-baseline";
    public static final int VERSION = 1;
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Indented, so that an analyst can read and review what counts as normal. */
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private BaselineFile() {
    }

    public static void write(Baseline b, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".baseline", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp);
                 JsonGenerator g = JSON.createGenerator(PRETTY, out)) {
                write(b, g);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | JacksonException e) {
            throw new CadetException("cannot write baseline " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Baseline b, JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("format", FORMAT);
        g.writeNumberProperty("version", VERSION);
        g.writeStringProperty("from", Instant.ofEpochMilli(b.from()).toString());
        g.writeStringProperty("until", Instant.ofEpochMilli(b.until()).toString());
        g.writeNumberProperty("events", b.events());
        g.writeName("principals");
        g.writeStartArray();
        for (Baseline.PrincipalHistory p : b.principals()) {
            g.writeStartObject();
            g.writeStringProperty("principal", p.principal());
            strings(g, "networks", p.networks());
            strings(g, "countries", p.countries());
            strings(g, "operations", p.operations());
            strings(g, "targets", p.targets());
            g.writeNumberProperty("peakCommandsPerHour", p.peakCommandsPerHour());
            g.writeNumberProperty("peakTargetsPerHour", p.peakTargetsPerHour());
            g.writeNumberProperty("commands", p.commands());
            g.writeNumberProperty("events", p.events());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("targets");
        g.writeStartObject();
        for (Map.Entry<String, List<String>> t : b.targets().entrySet()) {
            strings(g, t.getKey(), t.getValue());
        }
        g.writeEndObject();
        g.writeName("accounts");
        g.writeStartArray();
        for (Baseline.AccountHistory a : b.accounts()) {
            g.writeStartObject();
            g.writeStringProperty("account", a.account());
            g.writeNumberProperty("peakCommandsPerHour", a.peakCommandsPerHour());
            g.writeNumberProperty("commands", a.commands());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Reads a baseline file; a wrong one fails with {@code file line L, column C: what is wrong}. */
    public static Baseline read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
            return new Reader(name, p).baseline();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read baseline " + name + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new IllegalArgumentException(name + (at == null ? "" : " line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A streaming reader that knows where it is. */
    private static final class Reader {
        final String name;
        final JsonParser p;

        Reader(String name, JsonParser p) {
            this.name = name;
            this.p = p;
        }

        Baseline baseline() {
            expect(p.nextToken(), JsonToken.START_OBJECT, "the baseline");
            String format = null;
            Long version = null;
            long from = -1;
            long until = -1;
            long events = 0;
            List<Baseline.PrincipalHistory> principals = new ArrayList<>();
            Map<String, List<String>> targets = new LinkedHashMap<>();
            List<Baseline.AccountHistory> accounts = new ArrayList<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "format" -> format = string(t, field);
                    case "version" -> version = number(t, field);
                    case "from" -> from = instant(t, field);
                    case "until" -> until = instant(t, field);
                    case "events" -> events = number(t, field);
                    case "principals" -> {
                        expect(t, JsonToken.START_ARRAY, field);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            principals.add(principal());
                        }
                    }
                    case "targets" -> {
                        expect(t, JsonToken.START_OBJECT, field);
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String target = p.currentName();
                            targets.put(target, strings(p.nextToken(), "targets." + target));
                        }
                    }
                    case "accounts" -> {
                        expect(t, JsonToken.START_ARRAY, field);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            accounts.add(account());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException(name + ": 'format' must be \"" + FORMAT + "\", was "
                        + (format == null ? "missing" : "\"" + format + "\"") + "; is this a cadet baseline file?");
            }
            if (version == null || version != VERSION) {
                throw new IllegalArgumentException(name + ": 'version' must be " + VERSION + ", was " + version);
            }
            if (from < 0 || until < 0) {
                throw new IllegalArgumentException(name + ": 'from' and 'until' are required");
            }
            try {
                return new Baseline(from, until, events, principals, targets, accounts);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }

        private Baseline.PrincipalHistory principal() {
            expectCurrent(JsonToken.START_OBJECT, "principals[]");
            String principal = null;
            List<String> networks = List.of();
            List<String> countries = List.of();
            List<String> operations = List.of();
            List<String> targets = List.of();
            long peak = 0;
            long peakTargets = 0;
            long commands = 0;
            long events = 0;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "principal" -> principal = string(t, field);
                    case "networks" -> networks = strings(t, field);
                    case "countries" -> countries = strings(t, field);
                    case "operations" -> operations = strings(t, field);
                    case "targets" -> targets = strings(t, field);
                    case "peakCommandsPerHour" -> peak = number(t, field);
                    case "peakTargetsPerHour" -> peakTargets = number(t, field);
                    case "commands" -> commands = number(t, field);
                    case "events" -> events = number(t, field);
                    default -> p.skipChildren();
                }
            }
            if (principal == null) {
                throw problem("a principal entry has no 'principal'");
            }
            return new Baseline.PrincipalHistory(principal, networks, countries, operations, targets,
                    (int) Math.min(Integer.MAX_VALUE, peak), (int) Math.min(Integer.MAX_VALUE, peakTargets), commands, events);
        }

        private Baseline.AccountHistory account() {
            expectCurrent(JsonToken.START_OBJECT, "accounts[]");
            String account = null;
            long peak = 0;
            long commands = 0;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "account" -> account = string(t, field);
                    case "peakCommandsPerHour" -> peak = number(t, field);
                    case "commands" -> commands = number(t, field);
                    default -> p.skipChildren();
                }
            }
            if (account == null) {
                throw problem("an account entry has no 'account'");
            }
            return new Baseline.AccountHistory(account, (int) Math.min(Integer.MAX_VALUE, peak), commands);
        }

        private List<String> strings(JsonToken t, String field) {
            expect(t, JsonToken.START_ARRAY, field);
            List<String> out = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                out.add(string(t, field + "[]"));
            }
            return out;
        }

        private String string(JsonToken t, String field) {
            if (t != JsonToken.VALUE_STRING) {
                throw problem("'" + field + "' must be a string, found " + t);
            }
            return p.getString();
        }

        private long number(JsonToken t, String field) {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0) {
                throw problem("'" + field + "' must be a whole number >= 0, found " + t);
            }
            return p.getLongValue();
        }

        private long instant(JsonToken t, String field) {
            String s = string(t, field);
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw problem("'" + field + "' must be an ISO-8601 instant such as 2026-03-01T00:00:00Z, was '" + s + "'");
            }
        }

        private void expect(JsonToken t, JsonToken wanted, String what) {
            if (t != wanted) {
                throw problem(what + " must be " + (wanted == JsonToken.START_OBJECT ? "an object" : "an array")
                        + ", found " + t);
            }
        }

        private void expectCurrent(JsonToken wanted, String what) {
            expect(p.currentToken(), wanted, what);
        }

        private IllegalArgumentException problem(String what) {
            TokenStreamLocation at = p.currentTokenLocation();
            return new IllegalArgumentException(name + " line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + ": " + what);
        }
    }
}
