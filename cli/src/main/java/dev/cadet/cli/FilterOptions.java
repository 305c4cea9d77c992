package dev.cadet.cli;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Provider;
import dev.cadet.model.ScanFilter;
import dev.cadet.reports.TerminalText;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code --from}, {@code --to}, {@code --principal}, {@code --provider} and {@code --account}: which
 * parsed events a scan analyses. Events left out are counted and the report says so. The time range
 * is half-open, {@code [from, to)}; relative bounds count back from the newest event in the input.
 */
final class FilterOptions {

    @Option(names = "--from", paramLabel = "TIME", converter = TimeBound.Converter.class,
            description = "Analyse events at or after TIME: an ISO instant (2024-05-01T10:00:00Z), a date "
                    + "(2024-05-01, UTC) or a span before the newest event in the input (7d, 12h, 30m).")
    TimeBound from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeBound.Converter.class,
            description = "Analyse events before TIME (same forms as --from).")
    TimeBound to;

    @Option(names = "--principal", paramLabel = "PATTERN",
            description = "Analyse events whose actor or subject is this principal: its canonical id ('*' "
                    + "matches any run of characters) or, without '*', its display name; repeatable.")
    List<String> principals = new ArrayList<>();

    @Option(names = "--provider", paramLabel = "PROVIDER", split = ",",
            description = "Analyse events of these providers: ${COMPLETION-CANDIDATES} (comma-separated or repeated).")
    Set<Provider> providers = EnumSet.noneOf(Provider.class);

    @Option(names = "--account", paramLabel = "ID",
            description = "Analyse events in this account, subscription or project; repeatable.")
    List<String> accounts = new ArrayList<>();

    boolean active() {
        return from != null || to != null || !principals.isEmpty() || !providers.isEmpty() || !accounts.isEmpty();
    }

    /** True when a bound counts back from the newest event, which must then be known before selecting. */
    boolean needsNewest() {
        return (from != null && from.relative()) || (to != null && to.relative());
    }

    /**
     * The filters resolved against the newest event time of the input ({@link Long#MIN_VALUE} when there
     * is none or it is not needed), to keep or leave out one event at a time.
     *
     * @throws IllegalArgumentException when the time range is empty
     */
    Selector selector(long newestOrMin) {
        if (!active()) {
            return Selector.ALL;
        }
        boolean noEvents = newestOrMin == Long.MIN_VALUE;
        long newest = noEvents ? 0 : newestOrMin;
        long lo = from == null ? Long.MIN_VALUE : from.resolve(newest);
        long hi = to == null ? Long.MAX_VALUE : to.resolve(newest);
        if (from != null && to != null && lo >= hi && !(noEvents && (from.relative() || to.relative()))) {
            throw new IllegalArgumentException("--from " + from.text() + " (" + Instant.ofEpochMilli(lo)
                    + ") is not before --to " + to.text() + " (" + Instant.ofEpochMilli(hi) + "): no event could match");
        }
        List<Pattern> globs = principals.stream().map(FilterOptions::glob).toList();
        return new Selector(e -> e.time() >= lo && e.time() < hi
                && (providers.isEmpty() || providers.contains(e.provider()))
                && (accounts.isEmpty() || accounts.contains(e.cloud().account())
                    || accounts.contains(e.actor().account()))
                && (globs.isEmpty() || matchesPrincipal(e, globs)), criteria(lo, hi, newest));
    }

    /** Keeps or leaves out events one at a time, counting what it leaves out. Not thread-safe. */
    static final class Selector {

        /** Keeps every event: no filter. */
        static final Selector ALL = new Selector(e -> true, null);

        private final Predicate<CloudEvent> test;
        private final List<String> criteria;
        private long excluded;

        private Selector(Predicate<CloudEvent> test, List<String> criteria) {
            this.test = test;
            this.criteria = criteria;
        }

        boolean keep(CloudEvent e) {
            if (test.test(e)) {
                return true;
            }
            excluded++;
            return false;
        }

        ScanFilter result() {
            return criteria == null ? ScanFilter.NONE : new ScanFilter(criteria, excluded);
        }
    }

    private boolean matchesPrincipal(CloudEvent e, List<Pattern> globs) {
        for (int k = 0; k < globs.size(); k++) {
            Pattern p = globs.get(k);
            String raw = principals.get(k);
            if (p.matcher(e.principal()).matches() || (e.subject() != null && p.matcher(e.subject()).matches())
                    || (!raw.contains("*") && raw.equals(e.actor().displayName()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} matches any run of characters; everything else is literal. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private List<String> criteria(long lo, long hi, long newest) {
        List<String> c = new ArrayList<>();
        String newestText = Instant.ofEpochMilli(newest).toString();
        if (from != null) {
            c.add("time from " + Instant.ofEpochMilli(lo) + (from.relative()
                    ? " (" + from.text() + " before the newest event, " + newestText + ")" : ""));
        }
        if (to != null) {
            c.add("time before " + Instant.ofEpochMilli(hi) + (to.relative()
                    ? " (" + to.text() + " before the newest event, " + newestText + ")" : ""));
        }
        if (!providers.isEmpty()) {
            c.add("provider " + providers.stream().map(Enum::name).collect(Collectors.joining(" or ")));
        }
        if (!accounts.isEmpty()) {
            c.add("account " + String.join(" or ", accounts));
        }
        if (!principals.isEmpty()) {
            c.add("principal " + String.join(" or ", principals) + " (as actor or subject)");
        }
        return c;
    }

    /** The criteria on one line for the terminal. */
    static String describe(ScanFilter filter) {
        return TerminalText.safe(String.join("; ", filter.criteria()));
    }
}
