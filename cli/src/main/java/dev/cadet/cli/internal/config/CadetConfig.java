package dev.cadet.cli.internal.config;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.MaintenanceWindow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration file {@code cadet.yaml}: approved automation, sources, documents and maintenance
 * windows, the baseline, thresholds and windows per detector, threat-intelligence indicators and the
 * GeoIP database. Every value is checked as it is read; a wrong one fails with the file, line and
 * column, the key path and what was expected. Relative file names are resolved against the folder of
 * the configuration file. docs/configuration.md describes every key.
 */
public final class CadetConfig {

    static final List<String> TOP = List.of("lateness", "incidentGap", "approved", "maintenanceWindows", "baseline",
            "detectors", "threatIntel", "geoip");
    static final Map<String, List<String>> DETECTORS = Map.ofEntries(
            Map.entry("command-execution", List.of("fanOutThreshold")),
            Map.entry("failed-then-success", List.of("threshold", "window")),
            Map.entry("iam-then-command", List.of("window")),
            Map.entry("suspicious-command-content", List.of("patterns")),
            Map.entry("command-spike", List.of("floor", "ratio")),
            Map.entry("denied-command-burst", List.of("threshold", "window")),
            Map.entry("login-anomaly", List.of("window")),
            Map.entry("user-data-swap", List.of("window")),
            Map.entry("geo-anomaly", List.of("travelSpeedKmh")));
    private static final Pattern INDEX = Pattern.compile("^\\w+\\[(\\d+)\\] ");

    private final String origin;
    private final Path dir;
    private final List<Consumer<DetectionConfig.Builder>> settings = new ArrayList<>();
    private Duration lateness;
    private Path baselineFile;
    private Path geoip;

    private CadetConfig(String origin, Path dir) {
        this.origin = origin;
        this.dir = dir;
    }

    /** Reads and checks a configuration file. */
    public static CadetConfig load(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        CadetConfig c = new CadetConfig(file.getFileName().toString(), dir);
        c.bind(YamlTree.read(file));
        // Apply once to a scratch builder: a value the detectors reject fails now, with its location.
        c.apply(DetectionConfig.builder());
        return c;
    }

    /** Checks a configuration given as text; relative paths resolve against {@code dir}. */
    public static CadetConfig parse(String origin, String text, Path dir) {
        CadetConfig c = new CadetConfig(origin, dir);
        c.bind(YamlTree.parse(origin, text));
        c.apply(DetectionConfig.builder());
        return c;
    }

    /** Sets every configured value on {@code builder}. */
    public DetectionConfig.Builder apply(DetectionConfig.Builder builder) {
        settings.forEach(s -> s.accept(builder));
        return builder;
    }

    /** The allowed lateness, or {@code null} when the file does not set it. */
    public Duration lateness() {
        return lateness;
    }

    /** The stored baseline file, or {@code null}. */
    public Path baselineFile() {
        return baselineFile;
    }

    /** The MaxMind GeoIP database, or {@code null}. */
    public Path geoip() {
        return geoip;
    }

    private void bind(Node root) {
        Map<String, Node> top = mapping(root, TOP);
        if (top.containsKey("lateness")) {
            Duration d = duration(top.get("lateness"));
            lateness = d;
            set(top.get("lateness"), b -> b.allowedLateness(d));
        }
        if (top.containsKey("incidentGap")) {
            Duration d = duration(top.get("incidentGap"));
            set(top.get("incidentGap"), b -> b.incidentGap(d));
        }
        Node approved = top.get("approved");
        if (approved != null) {
            Map<String, Node> a = mapping(approved, List.of("principals", "sources", "documents"));
            strings(a.get("principals"), (b, v) -> b.approvedPrincipals(v));
            strings(a.get("sources"), (b, v) -> b.approvedSources(v));
            strings(a.get("documents"), (b, v) -> b.approvedDocuments(v));
        }
        Node windows = top.get("maintenanceWindows");
        if (windows != null) {
            List<MaintenanceWindow> list = new ArrayList<>();
            for (Node w : sequence(windows)) {
                list.add(window(w));
            }
            set(windows, b -> b.maintenanceWindows(list));
        }
        Node baseline = top.get("baseline");
        if (baseline != null) {
            Map<String, Node> m = mapping(baseline, List.of("file", "learningPeriod"));
            if (m.containsKey("file")) {
                baselineFile = path(m.get("file"));
            }
            if (m.containsKey("learningPeriod")) {
                Duration d = duration(m.get("learningPeriod"));
                set(m.get("learningPeriod"), b -> b.learningPeriod(d));
            }
        }
        Node detectors = top.get("detectors");
        if (detectors != null) {
            Map<String, Node> byId = mapping(detectors, new ArrayList<>(new java.util.TreeSet<>(DETECTORS.keySet())));
            byId.forEach(this::detector);
        }
        Node intel = top.get("threatIntel");
        if (intel != null) {
            Map<String, Node> m = mapping(intel, List.of("addresses", "domains"));
            strings(m.get("addresses"), (b, v) -> b.iocAddresses(v));
            strings(m.get("domains"), (b, v) -> b.iocDomains(v));
        }
        if (top.containsKey("geoip")) {
            geoip = path(top.get("geoip"));
            if (!Files.isRegularFile(geoip)) {
                throw problem(top.get("geoip"), "must name a MaxMind DB file (.mmdb) that exists, was "
                        + top.get("geoip").shown());
            }
        }
    }

    private void detector(String id, Node node) {
        Map<String, Node> m = mapping(node, DETECTORS.get(id));
        for (Map.Entry<String, Node> e : m.entrySet()) {
            Node v = e.getValue();
            switch (id + "." + e.getKey()) {
                case "command-execution.fanOutThreshold" -> { int n = integer(v); set(v, b -> b.fanOutThreshold(n)); }
                case "failed-then-success.threshold" -> { int n = integer(v); set(v, b -> b.failedThenSuccessThreshold(n)); }
                case "failed-then-success.window" -> { Duration d = duration(v); set(v, b -> b.failedThenSuccessWindow(d)); }
                case "iam-then-command.window" -> { Duration d = duration(v); set(v, b -> b.iamThenCommandWindow(d)); }
                case "command-spike.floor" -> { int n = integer(v); set(v, b -> b.spikeFloor(n)); }
                case "command-spike.ratio" -> { double r = number(v); set(v, b -> b.spikeRatio(r)); }
                case "denied-command-burst.threshold" -> { int n = integer(v); set(v, b -> b.deniedBurstThreshold(n)); }
                case "denied-command-burst.window" -> { Duration d = duration(v); set(v, b -> b.deniedBurstWindow(d)); }
                case "login-anomaly.window" -> { Duration d = duration(v); set(v, b -> b.loginAnomalyWindow(d)); }
                case "user-data-swap.window" -> { Duration d = duration(v); set(v, b -> b.userDataSwapWindow(d)); }
                case "geo-anomaly.travelSpeedKmh" -> { int n = integer(v); set(v, b -> b.travelSpeedKmh(n)); }
                case "suspicious-command-content.patterns" -> {
                    Path file = path(v);
                    String text;
                    try {
                        text = Files.readString(file, StandardCharsets.UTF_8);
                    } catch (IOException ex) {
                        throw problem(v, "must name a readable pattern file, was " + v.shown() + " (" + ex.getMessage() + ")");
                    }
                    String name = file.getFileName().toString();
                    set(v, b -> b.commandPatterns(name, text));
                }
                default -> throw new IllegalStateException(id + "." + e.getKey());
            }
        }
    }

    private MaintenanceWindow window(Node w) {
        Map<String, Node> m = mapping(w, List.of("name", "principals", "days", "start", "length", "zone", "from", "until"));
        Node name = required(w, m, "name");
        String n = text(name);
        List<String> principals = new ArrayList<>();
        for (Node p : sequence(required(w, m, "principals"))) {
            principals.add(text(p));
        }
        try {
            if (m.containsKey("days")) {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (Node d : sequence(m.get("days"))) {
                    days.add(day(d));
                }
                LocalTime start = time(required(w, m, "start"));
                Duration length = duration(required(w, m, "length"));
                ZoneId zone = m.containsKey("zone") ? zone(m.get("zone")) : ZoneId.of("UTC");
                return MaintenanceWindow.weekly(n, principals, days, start, length, zone);
            }
            return MaintenanceWindow.once(n, principals, instant(required(w, m, "from")), instant(required(w, m, "until")));
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw problem(w, "invalid: " + e.getMessage());
        }
    }

    /** Records a setting; a value the detectors' builder rejects is reported at {@code node}. */
    private void set(Node node, Consumer<DetectionConfig.Builder> setting) {
        settings.add(b -> {
            try {
                setting.accept(b);
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw located(node, e);
            }
        });
    }

    /** A builder complaint moved onto the configuration key: {@code approvedSources[1] ...} becomes {@code approved.sources[1] ...}. */
    private ConfigException located(Node node, IllegalArgumentException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = INDEX.matcher(message);
        if (m.find() && node.kind() == Node.Kind.LIST) {
            int i = Integer.parseInt(m.group(1));
            if (i < node.items().size()) {
                Node item = node.items().get(i);
                return new ConfigException(at(item) + item.path() + " " + message.substring(m.end()), e);
            }
        }
        int space = message.indexOf(' ');
        // The builder names its property in camelCase (spikeRatio); the configuration key replaces it.
        String rest = space > 0 && message.substring(0, space).matches("[a-z]+[A-Z]\\w*") ? message.substring(space + 1)
                : message;
        return new ConfigException(at(node) + node.path() + " " + rest, e);
    }

    private interface ListSetting {
        void accept(DetectionConfig.Builder b, List<String> values);
    }

    private void strings(Node node, ListSetting setting) {
        if (node == null) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence(node)) {
            values.add(text(item));
        }
        set(node, b -> setting.accept(b, values));
    }

    private Map<String, Node> mapping(Node node, List<String> allowed) {
        if (node.kind() == Node.Kind.SCALAR && node.text() == null) {
            return Map.of(); // a key with nothing under it (only comments)
        }
        if (node.kind() != Node.Kind.MAP) {
            throw problem(node, "must be a mapping with keys " + String.join(", ", allowed) + ", was " + node.shown());
        }
        for (Map.Entry<String, Node> e : node.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw problem(e.getValue(), "is not a known key; expected one of " + String.join(", ", allowed)
                        + (node.path().isEmpty() ? "" : " under " + node.path()));
            }
        }
        return node.entries();
    }

    private List<Node> sequence(Node node) {
        if (node.kind() != Node.Kind.LIST) {
            throw problem(node, "must be a list, was " + node.shown());
        }
        return node.items();
    }

    private Node required(Node parent, Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null) {
            throw problem(parent, "needs the key '" + key + "'");
        }
        return n;
    }

    private String text(Node node) {
        if (node.kind() != Node.Kind.SCALAR || node.text() == null || node.text().isBlank()) {
            throw problem(node, "must be a non-empty text, was " + node.shown());
        }
        return node.text().strip();
    }

    private Duration duration(Node node) {
        Duration d = node.kind() == Node.Kind.SCALAR && node.text() != null ? Durations.parse(node.text()) : null;
        if (d == null) {
            throw problem(node, "must be " + Durations.EXPECTED + ", was " + node.shown());
        }
        return d;
    }

    private int integer(Node node) {
        try {
            return Integer.parseInt(text(node));
        } catch (NumberFormatException e) {
            throw problem(node, "must be a whole number, was " + node.shown());
        }
    }

    private double number(Node node) {
        try {
            double d = Double.parseDouble(text(node));
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw problem(node, "must be a number, was " + node.shown());
        }
    }

    private Path path(Node node) {
        Path p = Path.of(text(node));
        return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
    }

    private DayOfWeek day(Node node) {
        return parse(node, "a day of the week such as MONDAY or mon",
                s -> {
                    String u = s.toUpperCase(Locale.ROOT);
                    for (DayOfWeek d : DayOfWeek.values()) {
                        if (d.name().equals(u) || d.name().substring(0, 3).equals(u)) {
                            return d;
                        }
                    }
                    throw new IllegalArgumentException(s);
                });
    }

    private LocalTime time(Node node) {
        return parse(node, "a time of day such as 01:30", LocalTime::parse);
    }

    private ZoneId zone(Node node) {
        return parse(node, "a time zone such as UTC or Europe/Berlin", ZoneId::of);
    }

    private Instant instant(Node node) {
        return parse(node, "an ISO-8601 instant such as 2026-03-07T20:00:00Z", Instant::parse);
    }

    private <T> T parse(Node node, String expected, Function<String, T> parser) {
        String s = text(node);
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw problem(node, "must be " + expected + ", was " + node.shown());
        }
    }

    private ConfigException problem(Node node, String what) {
        return new ConfigException(at(node) + (node.path().isEmpty() ? "the file" : node.path()) + " " + what);
    }

    private String at(Node node) {
        return origin + " line " + node.line() + ", column " + node.column() + ": ";
    }
}
