package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.model.CadetException;
import dev.cadet.model.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pack of command-text patterns, each tagged with a severity, its ATT&CK techniques and the public
 * source it comes from. The built-in pack ships as a resource beside this class; a user pack in the same
 * line format adds patterns, replaces built-in ones with the same id, or switches them off ({@code OFF}).
 */
public final class CommandPatterns implements Serializable {

    static final String RESOURCE = "command-patterns.txt";
    /** Longest command line examined; a longer one is cut, so that one huge record cannot stall a scan. */
    static final int MAX_LINE = 64 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern TECHNIQUES = Pattern.compile("T\\d{4}(\\.\\d{3})?(,T\\d{4}(\\.\\d{3})?)*");
    private static final Pattern ENCODED = Pattern.compile(
            "(?i)\\s[-/]e(?:c|nc|nco|ncod|ncode|ncoded|ncodedc|ncodedcommand)?\\s+([a-z0-9+/]{16,}={0,2})");
    private static final CommandPatterns BUILT_IN = loadBuiltIn();

    /** One pattern; {@code severity == null} switches off the built-in pattern with this id. */
    public record Entry(String id, Severity severity, String techniques, String source, Pattern regex) implements Serializable {
    }

    /** A pattern that matched a line; {@code decoded} when it matched a decoded PowerShell payload. */
    public record Match(Entry entry, boolean decoded) implements Serializable {
    }

    private final List<Entry> entries;

    private CommandPatterns(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The pack that ships with cadet. */
    public static CommandPatterns builtIn() {
        return BUILT_IN;
    }

    /**
     * Parses a pack; {@code origin} names it in error messages, for example
     * {@code patterns.txt line 4: severity must be one of OFF, INFO, LOW, MEDIUM, HIGH, CRITICAL, was 'SEVERE'}.
     */
    public static CommandPatterns parse(String origin, String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entries.add(entry(origin + " line " + (i + 1), line));
        }
        return new CommandPatterns(entries);
    }

    private static Entry entry(String where, String line) {
        String[] f = line.split("\\s+", 5);
        if (f.length < 5) {
            throw new IllegalArgumentException(where + ": expected ID SEVERITY TECHNIQUES SOURCE REGEX, found "
                    + f.length + " fields");
        }
        if (!ID.matcher(f[0]).matches()) {
            throw new IllegalArgumentException(where + ": id must be lower-case words joined by '-', was '" + f[0] + "'");
        }
        Severity severity = null;
        if (!"OFF".equalsIgnoreCase(f[1])) {
            try {
                severity = Severity.valueOf(f[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": severity must be one of OFF, INFO, LOW, MEDIUM, HIGH,"
                        + " CRITICAL, was '" + f[1] + "'", e);
            }
        }
        if (!TECHNIQUES.matcher(f[2]).matches()) {
            throw new IllegalArgumentException(where + ": techniques must be ATT&CK ids such as T1059.004,T1105,"
                    + " was '" + f[2] + "'");
        }
        try {
            return new Entry(f[0], severity, f[2].replace(",", ", "), f[3], Pattern.compile(f[4]));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": regex does not compile: " + e.getDescription()
                    + " near index " + e.getIndex(), e);
        }
    }

    private static CommandPatterns loadBuiltIn() {
        try (InputStream in = CommandPatterns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CadetException("built-in command pattern pack " + RESOURCE + " is missing");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CadetException("cannot read the built-in command pattern pack: " + e.getMessage(), e);
        }
    }

    /** This pack with {@code overrides} applied: same id replaces, {@code OFF} removes, new ids are added. */
    public CommandPatterns with(CommandPatterns overrides) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Entry e : entries) {
            byId.put(e.id(), e);
        }
        for (Entry e : overrides.entries) {
            if (e.severity() == null) {
                byId.remove(e.id());
            } else {
                byId.put(e.id(), e);
            }
        }
        return new CommandPatterns(new ArrayList<>(byId.values()));
    }

    /** The active patterns, in pack order. */
    public List<Entry> entries() {
        return entries.stream().filter(e -> e.severity() != null).toList();
    }

    /** Every active pattern that matches {@code line} or a PowerShell payload encoded in it, in pack order. */
    public List<Match> match(String line) {
        return scanner().match(line);
    }

    /** A matcher set for one thread: reuses its regex matchers, so scanning a line allocates nothing when nothing matches. */
    public Scanner scanner() {
        return new Scanner(entries());
    }

    /** Scans lines against the active patterns with reused matchers. Not thread-safe: one per detector. */
    public static final class Scanner {
        /** Lines up to this length are remembered with their matches; longer ones are scanned every time. */
        static final int REMEMBERED_LENGTH = 512;
        private static final int REMEMBERED = 256;

        private final List<Entry> active;
        private final Matcher[] matchers;
        private final Matcher encoded = ENCODED.matcher("");
        /**
         * The matches of recent short lines, by the line's hash (one slot each, the newest wins): document
         * names and routine commands repeat, and their matches depend on the text alone.
         */
        private final String[] lines = new String[REMEMBERED];
        private final List<?>[] matchesOf = new List<?>[REMEMBERED];

        private Scanner(List<Entry> active) {
            this.active = active;
            this.matchers = new Matcher[active.size()];
            for (int i = 0; i < matchers.length; i++) {
                matchers[i] = active.get(i).regex().matcher("");
            }
        }

        /** The matches of {@code line}, in pack order, unmodifiable; an empty list (shared, not allocated) when none. */
        @SuppressWarnings("unchecked")
        public List<Match> match(String line) {
            if (line.length() > REMEMBERED_LENGTH) {
                return scan(line);
            }
            int slot = line.hashCode() & (REMEMBERED - 1);
            if (line.equals(lines[slot])) {
                return (List<Match>) matchesOf[slot];
            }
            List<Match> found = scan(line);
            lines[slot] = line;
            matchesOf[slot] = found;
            return found;
        }

        private List<Match> scan(String line) {
            String text = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
            List<Match> out = null;
            for (int i = 0; i < matchers.length; i++) {
                if (matchers[i].reset(text).find()) {
                    out = add(out, new Match(active.get(i), false));
                }
            }
            encoded.reset(text);
            while (encoded.find()) {
                String decoded = decodePowerShell(encoded.group(1));
                if (decoded == null) {
                    continue;
                }
                for (int i = 0; i < matchers.length; i++) {
                    Entry e = active.get(i);
                    if (matchers[i].reset(decoded).find() && (out == null || out.stream().noneMatch(x -> x.entry() == e))) {
                        out = add(out, new Match(e, true));
                    }
                }
            }
            return out == null ? List.of() : List.copyOf(out);
        }

        private static List<Match> add(List<Match> out, Match m) {
            List<Match> list = out == null ? new ArrayList<>(2) : out;
            list.add(m);
            return list;
        }
    }

    /** PowerShell's -EncodedCommand is base64 of UTF-16LE text; {@code null} when it is not that. */
    static String decodePowerShell(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length < 2 || bytes.length % 2 != 0) {
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_16LE);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public int size() {
        return entries().size();
    }
}
