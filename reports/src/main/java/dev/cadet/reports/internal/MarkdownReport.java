package dev.cadet.reports.internal;

import dev.cadet.model.Answer;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.ContainmentStep;
import dev.cadet.model.Coverage;
import dev.cadet.model.CoverageGap;
import dev.cadet.model.Decision;
import dev.cadet.model.FileReport;
import dev.cadet.model.Finding;
import dev.cadet.model.Incident;
import dev.cadet.model.InputReport;
import dev.cadet.model.PipelineCounters;
import dev.cadet.model.Reason;
import dev.cadet.model.Reject;
import dev.cadet.model.ScanFilter;
import dev.cadet.model.ScanResult;
import dev.cadet.model.Source;
import dev.cadet.reports.internal.MarkdownTable.Md;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code report.md}: what a Tier-1 analyst reads first. Summary and verdicts, then one section per
 * incident in the order to work them, then the input accounting that shows nothing was lost.
 * Every string from the logs goes through {@link MarkdownText}; only ids become links, and only to
 * headings of this report.
 */
public final class MarkdownReport {

    /** Evidence rows shown per finding; timeline.csv has all of them. */
    static final int MAX_EVIDENCE_ROWS = 50;
    /** Items shown in one list (principals, targets) before "and N more"; the CSV files have all. */
    static final int MAX_LIST_ITEMS = 50;
    static final int MAX_TARGETS_PER_CELL = 10;
    static final int MAX_REJECT_EXAMPLES = 5;
    static final int MAX_EXCERPT = 200;
    /** Rows of an incident's timeline table; timeline.csv has all of them. */
    static final int MAX_TIMELINE_ROWS = 100;
    /** Coverage gap rows shown; summary.json lists them all. */
    static final int MAX_GAP_ROWS = 50;

    private final ScanIndex index;
    private final MarkdownOut out;
    /** Findings whose heading is already written, with the incident it is under. */
    private final Map<String, String> findingHeadings = new LinkedHashMap<>();
    /** Ids that will get a heading, so that links never point at nothing. */
    private final Set<String> linkable = new HashSet<>();

    private MarkdownReport(ScanResult result, Writer writer) {
        this.index = new ScanIndex(result);
        this.out = new MarkdownOut(writer);
        result.incidents().forEach(i -> {
            linkable.add(i.id());
            i.findings().forEach(f -> linkable.add(f.id()));
        });
        result.findings().forEach(f -> linkable.add(f.id()));
        linkable.remove(null);
    }

    /** Writes the report; an I/O failure surfaces as {@link java.io.UncheckedIOException}. */
    public static void write(ScanResult result, Writer writer) {
        new MarkdownReport(result, writer).write();
    }

    private void write() {
        out.heading(1, "cadet report: cloud administration command (T1651)");
        summary();
        for (Incident incident : index.incidentsForAnalyst()) {
            incident(incident);
        }
        List<Finding> loose = index.findingsOutsideIncidents();
        if (!loose.isEmpty()) {
            out.heading(2, "Findings not in any incident");
            out.line("These findings did not join an incident; they are listed so that none is lost.").blank();
            findingsTable(loose);
            for (Finding f : loose) {
                findingEvidence(f, null);
            }
        }
        inputAccounting();
    }

    // ---- summary ------------------------------------------------------------------------------

    private void summary() {
        ScanResult r = index.result();
        InputReport in = r.input();
        out.heading(2, "Summary");
        out.line("Scanned " + count(in.files().size(), "file") + " holding " + count(in.records(), "record")
                + " (" + in.events() + " events, " + in.skipped() + " skipped by rule, " + in.quarantined()
                + " quarantined).").blank();
        scope(r.coverage());
        ScanFilter filter = r.filter();
        if (filter.active()) {
            out.line("**Filter:** only events matching " + filter.criteria().stream().map(MarkdownText::inline)
                    .collect(Collectors.joining("; ")) + " were analysed; " + count(filter.excluded(), "event")
                    + " read from the logs were left out.").blank();
        }
        long gapHours = gapHours(r.coverage());
        if (gapHours > 0) {
            long gaps = r.coverage().stream().mapToLong(c -> c.gaps().size()).sum();
            out.line("**Warning:** " + count(gapHours, "hour") + " without any event in " + count(gaps, "gap")
                    + " inside the covered time of a provider, account and region: missing logs hide activity "
                    + "(see Coverage gaps).").blank();
        }
        if (!in.filesWithErrors().isEmpty()) {
            out.line("**Warning:** " + count(in.filesWithErrors().size(), "file")
                    + " could not be read to the end; the logs after the break were not analysed (see Input accounting).")
                    .blank();
        }
        PipelineCounters p = r.pipeline();
        if (p.baseline() != null) {
            // What "new" and "rare" were judged against: an analyst must know before trusting novelty findings.
            out.line("**Baseline:** " + MarkdownText.inline(p.baseline().description())).blank();
        }
        if (p.late() > 0) {
            out.line("**Warning:** " + count(p.late(), "event") + " arrived later than the allowed lateness: "
                    + "counted, not analysed" + (p.lateEvents().isEmpty() ? "." : ":")).blank();
            lateEvents(p);
        }
        Map<String, Long> byDetector = index.findingsByDetector();
        out.line("Findings: " + r.findings().size() + (byDetector.isEmpty() ? "." : " ("
                + byDetector.entrySet().stream().map(e -> MarkdownText.inline(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ").")).blank();
        out.line("Incidents: " + r.incidents().size() + " — " + index.incidentsByDecision().entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".").blank();
        List<Incident> ordered = index.incidentsForAnalyst();
        if (ordered.isEmpty()) {
            out.line("No incident: nothing to escalate from the supplied logs.").blank();
            return;
        }
        for (Incident i : ordered) {
            out.line("- " + link(i.id()) + " **" + i.decision().name() + "** (" + i.severity().name() + ") — "
                    + principalsPhrase(i.principals()) + " — " + reasonsPhrase(i));
        }
        out.blank();
    }

    private void scope(List<Coverage> coverage) {
        if (coverage.isEmpty()) {
            out.line("No events were read, so no time range is covered.").blank();
            return;
        }
        Set<String> providers = coverage.stream().map(c -> c.provider())
                .sorted().map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> accounts = sortedNonNull(coverage, Coverage::account);
        Set<String> regions = sortedNonNull(coverage, Coverage::region);
        long first = coverage.stream().mapToLong(Coverage::firstSeen).min().orElseThrow();
        long last = coverage.stream().mapToLong(Coverage::lastSeen).max().orElseThrow();
        out.line("- Providers: " + String.join(", ", providers))
                .line("- Accounts: " + (accounts.isEmpty() ? "not named in the logs" : list(accounts)))
                .line("- Regions: " + (regions.isEmpty() ? "not named in the logs" : list(regions)))
                .line("- Time range: " + Text.time(first) + " to " + Text.time(last)).blank();
    }

    /** Where the late events are, so that nothing is dropped without the analyst being able to find it. */
    private void lateEvents(PipelineCounters p) {
        if (p.lateEvents().isEmpty()) {
            return;
        }
        List<String> where = p.lateEvents().stream().map(Text::locationWithLine).toList();
        long unlisted = p.late() - where.size();
        out.line("- Late records: " + list(where) + (unlisted > 0 ? " and " + unlisted + " not listed" : "")).blank();
    }

    private static Set<String> sortedNonNull(List<Coverage> coverage, Function<Coverage, String> field) {
        return coverage.stream().map(field).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String principalsPhrase(List<String> principals) {
        if (principals.isEmpty()) {
            return "no principal named";
        }
        return (principals.size() == 1 ? "principal " : "principals ") + list(principals);
    }

    private static String reasonsPhrase(Incident i) {
        if (i.reasons().isEmpty()) {
            return "no escalation rule held";
        }
        return i.reasons().stream().map(r -> MarkdownText.inline(r.rule())).distinct()
                .collect(Collectors.joining(", "));
    }

    // ---- incidents ----------------------------------------------------------------------------

    private void incident(Incident i) {
        out.heading(2, i.id());
        out.line("**" + i.decision().name() + "** · severity **" + i.severity().name() + "** · "
                + span(i.firstSeen(), i.lastSeen()) + " · "
                + count(i.findings().size(), "finding")).blank();
        out.line(decisionMeaning(i.decision())).blank();

        out.heading(3, "Reasons");
        if (i.reasons().isEmpty()) {
            out.line("No escalation rule held.").blank();
        } else {
            for (Reason r : i.reasons()) {
                String findings = r.findingIds().isEmpty() ? "" : " (findings " + r.findingIds().stream()
                        .map(this::linkOrText).collect(Collectors.joining(", ")) + ")";
                out.line("- " + MarkdownText.inline(r.rule()) + ": " + MarkdownText.inline(r.text()) + findings);
            }
            out.blank();
        }

        answers("Analysis questions", "The playbook's questions for analysis, answered from the supplied logs.",
                "No answers were recorded for this incident: work through the playbook's questions for analysis by hand.",
                i.analysis());
        answers("Tier-1 checks", "The playbook's additional analysis steps for Tier 1, with what the logs show.",
                "No check results were recorded for this incident: carry out the playbook's Tier-1 steps by hand.",
                i.l1Checks());

        out.heading(3, "Who and what");
        out.line("- Principals: " + listOrNone(i.principals()))
                .line("- Access keys: " + listOrNone(i.accessKeys()))
                .line("- Source IPs: " + listOrNone(i.sourceIps()))
                .line("- Targets: " + listOrNone(i.targets())).blank();

        out.heading(3, "Findings");
        findingsTable(i.findings());

        out.heading(3, "Timeline");
        timeline(i);

        out.heading(3, "Evidence");
        for (Finding f : i.findings()) {
            findingEvidence(f, i.id());
        }

        out.heading(3, "Containment and Tier-2 steps");
        if (i.containment().isEmpty()) {
            out.line("No step proposed for this incident.").blank();
        } else {
            out.line("**Review before running; cadet never runs them.** Commands carry identifiers taken from "
                    + "the logs: check every one before you paste it into a shell.").blank();
            for (ContainmentStep step : i.containment()) {
                out.line("- [ ] " + MarkdownText.inline(step.description()));
                if (step.command() != null) {
                    out.blank().raw(MarkdownText.codeBlock(step.command(), "sh", "  "));
                }
                out.blank();
            }
        }
    }

    private void answers(String heading, String intro, String none, List<Answer> answers) {
        out.heading(3, heading);
        if (answers.isEmpty()) {
            out.line(none).blank();
            return;
        }
        out.line(intro).blank();
        MarkdownTable t = new MarkdownTable("question", "answer", "findings");
        for (Answer a : answers) {
            t.row(a.question(), a.answer(), new Md(a.findingIds().stream().map(this::linkOrText)
                    .collect(Collectors.joining(", "))));
        }
        t.writeTo(out);
    }

    /** Every evidence event of the incident in time order: a table, then the same as a diagram. */
    private void timeline(Incident i) {
        List<ScanIndex.TimelineEntry> entries = index.timelineOf(i);
        if (entries.isEmpty()) {
            out.line("No evidence events.").blank();
            return;
        }
        List<ScanIndex.TimelineEntry> shown = entries.subList(0, Math.min(MAX_TIMELINE_ROWS, entries.size()));
        MarkdownTable t = new MarkdownTable("time", "action", "outcome", "principal", "source", "targets",
                "findings");
        for (ScanIndex.TimelineEntry entry : shown) {
            CloudEvent e = entry.event();
            t.row(Text.time(e.time()), e.action(), outcomeCell(e), principalCell(e), sourceCell(e.source()),
                    targetsCell(e.targets()), new Md(entry.findingIds().stream().map(this::linkOrText)
                            .collect(Collectors.joining(", "))));
        }
        t.writeTo(out);
        if (entries.size() > shown.size()) {
            out.line("Showing the first " + shown.size() + " of " + entries.size()
                    + " events; timeline.csv lists them all.").blank();
        }
        out.raw(MermaidTimeline.block(entries.stream().map(ScanIndex.TimelineEntry::event).toList())).blank();
    }

    private static String decisionMeaning(Decision d) {
        return switch (d) {
            case ESCALATE_TIER2 -> "Escalate to Tier 2: the playbook's escalation criteria hold (reasons below).";
            case TIER1_REVIEW -> "Review at Tier 1: unusual activity, but no escalation criterion holds.";
            case BENIGN -> "Benign: approved automation from approved sources doing what it usually does.";
        };
    }

    private void findingsTable(List<Finding> findings) {
        MarkdownTable t = new MarkdownTable("id", "detector", "severity", "time", "summary");
        for (Finding f : findings) {
            t.row(new Md(linkOrText(f.id())), f.detector(), f.severity().name(), Text.time(f.firstSeen()),
                    f.summary());
        }
        t.writeTo(out);
    }

    /** The heading, facts and evidence of one finding; once per report, later mentions point back. */
    private void findingEvidence(Finding f, String incidentId) {
        String id = f.id() == null ? "(finding without id)" : f.id();
        if (findingHeadings.containsKey(id)) {
            String earlier = findingHeadings.get(id);
            out.line(MarkdownText.inline(id) + ": evidence listed above"
                    + (earlier == null ? "" : " under " + link(earlier)) + ".").blank();
            return;
        }
        findingHeadings.put(id, incidentId);
        out.heading(4, id);
        out.line(MarkdownText.inline(f.detector()) + " · " + f.severity().name() + " · "
                + span(f.firstSeen(), f.lastSeen()) + " · " + f.provider().name() + " · principal "
                + MarkdownText.inline(f.principal()) + (f.accessKeyId() == null ? "" : ", key "
                + MarkdownText.inline(f.accessKeyId())) + (f.sourceIp() == null ? "" : ", from "
                + MarkdownText.inline(f.sourceIp())) + " · " + MarkdownText.inline(f.action())).blank();
        out.line(MarkdownText.inline(f.summary())).blank();

        List<CloudEvent> shown = f.evidence().subList(0, Math.min(MAX_EVIDENCE_ROWS, f.evidence().size()));
        MarkdownTable t = new MarkdownTable("provider", "time", "principal", "source", "user agent", "action",
                "targets", "outcome", "record");
        for (CloudEvent e : shown) {
            t.row(e.provider().name(), Text.time(e.time()), principalCell(e), sourceCell(e.source()),
                    e.source().userAgent(), e.action(), targetsCell(e.targets()), outcomeCell(e),
                    Text.locationWithLine(e.origin()));
        }
        t.writeTo(out);
        if (f.evidence().size() > shown.size()) {
            out.line("Showing the first " + shown.size() + " of " + f.evidence().size()
                    + " evidence records; timeline.csv lists them all.").blank();
        }

        List<CloudEvent> withText = shown.stream()
                .filter(e -> e.command() != null && !e.command().lines().isEmpty()).toList();
        if (!withText.isEmpty()) {
            out.line("Command text as logged (attacker-controlled; shown verbatim, never run):").blank();
            for (CloudEvent e : withText) {
                var c = e.command();
                out.line("- " + Text.time(e.time()) + (c.document() == null ? "" : " · "
                        + MarkdownText.inline(c.document())) + (c.commandId() == null ? "" : " · command id "
                        + MarkdownText.inline(c.commandId())) + " · " + MarkdownText.inline(Text.locationWithLine(e.origin())));
                out.blank().raw(MarkdownText.codeBlock(String.join("\n", c.lines()), "text", "  ")).blank();
            }
        }
    }

    private static String principalCell(CloudEvent e) {
        String key = e.actor().accessKeyId();
        return key == null ? e.principal() : e.principal() + " (key " + key + ")";
    }

    private static String sourceCell(Source s) {
        String where = s.address() == null ? "" : s.address();
        String geo = s.country() == null ? null : s.city() == null ? s.country() : s.country() + ", " + s.city();
        return geo == null ? where : (where + " (" + geo + ")").strip();
    }

    private static String targetsCell(List<String> targets) {
        if (targets.size() <= MAX_TARGETS_PER_CELL) {
            return String.join(", ", targets);
        }
        return String.join(", ", targets.subList(0, MAX_TARGETS_PER_CELL)) + " and "
                + (targets.size() - MAX_TARGETS_PER_CELL) + " more";
    }

    private static String outcomeCell(CloudEvent e) {
        StringBuilder b = new StringBuilder(e.outcome().name());
        if (e.errorCode() != null) {
            b.append(": ").append(e.errorCode());
        }
        if (e.errorMessage() != null) {
            b.append(e.errorCode() == null ? ": " : " — ").append(Text.truncate(e.errorMessage(), MAX_EXCERPT));
        }
        return b.toString();
    }

    // ---- input accounting ---------------------------------------------------------------------

    private void inputAccounting() {
        ScanResult r = index.result();
        InputReport in = r.input();
        PipelineCounters p = r.pipeline();
        out.heading(2, "Input accounting");

        out.heading(3, "Totals");
        new MarkdownTable("measure", "count")
                .row("files", Long.toString(in.files().size()))
                .row("records read", Long.toString(in.records()))
                .row("events", Long.toString(in.events()))
                .row("skipped by rule", Long.toString(in.skipped()))
                .row("quarantined", Long.toString(in.quarantined()))
                .row("left out by the filter", Long.toString(r.filter().excluded()))
                .row("events into the pipeline", Long.toString(p.eventsIn()))
                .row("duplicates", Long.toString(p.duplicates()))
                .row("late", Long.toString(p.late()))
                .row("analysed", Long.toString(p.analysed()))
                .writeTo(out);
        boolean adds = in.records() == in.events() + in.skipped() + in.quarantined();
        out.line("Records read = events + skipped + quarantined: " + in.records() + " = " + in.events() + " + "
                + in.skipped() + " + " + in.quarantined() + (adds ? " (holds, and holds for every file)."
                : " (**does not hold**).")).blank();
        out.line("Analysed = events into the pipeline − duplicates − late: " + p.analysed() + " = " + p.eventsIn()
                + " − " + p.duplicates() + " − " + p.late() + ".").blank();
        long expectedIn = in.events() - r.filter().excluded();
        if (r.filter().active()) {
            out.line("Events into the pipeline = events − left out by the filter: " + p.eventsIn() + " = "
                    + in.events() + " − " + r.filter().excluded() + ".").blank();
        }
        if (p.eventsIn() != expectedIn) {
            out.line("**Note:** the pipeline received " + p.eventsIn() + " events while the parsers emitted "
                    + in.events() + (r.filter().active() ? " and the filter left out " + r.filter().excluded() : "")
                    + ".").blank();
        }

        out.heading(3, "Files");
        if (in.files().isEmpty()) {
            out.line("No input file.").blank();
        } else {
            MarkdownTable files = new MarkdownTable("file", "format", "records", "events", "skipped", "quarantined",
                    "error");
            for (FileReport f : in.files()) {
                files.row(f.file(), f.format(), Long.toString(f.records()), Long.toString(f.events()),
                        Long.toString(f.skipped()), Long.toString(f.quarantined()), f.error());
            }
            files.writeTo(out);
        }

        out.heading(3, "Quarantined records");
        quarantine(in);

        out.heading(3, "Coverage");
        if (r.coverage().isEmpty()) {
            out.line("No events, so no coverage.").blank();
        } else {
            MarkdownTable cov = new MarkdownTable("provider", "account", "region", "first seen", "last seen", "events",
                    "empty hours");
            for (Coverage c : r.coverage()) {
                cov.row(c.provider().name(), c.account(), c.region(), Text.time(c.firstSeen()),
                        Text.time(c.lastSeen()), Long.toString(c.events()), Long.toString(gapHours(List.of(c))));
            }
            cov.writeTo(out);
        }

        out.heading(3, "Coverage gaps");
        coverageGaps(r.coverage());

        out.heading(3, "Detector counters");
        MarkdownTable counters = new MarkdownTable("detector", "counter", "value");
        p.detectorCounts().forEach((detector, named) -> named.forEach((name, value) ->
                counters.row(detector, name, Long.toString(value))));
        if (counters.isEmpty()) {
            out.line("No detector reported a counter.").blank();
        } else {
            counters.writeTo(out);
        }
    }

    /**
     * Runs of whole hours with no event from a provider, account and region between its first and last
     * event, longest first: a trail that stopped or files that are missing look like this.
     */
    private void coverageGaps(List<Coverage> coverage) {
        record Row(Coverage scope, CoverageGap gap) {
        }
        List<Row> rows = new ArrayList<>();
        coverage.forEach(c -> c.gaps().forEach(g -> rows.add(new Row(c, g))));
        if (rows.isEmpty()) {
            out.line(coverage.isEmpty() ? "No events, so no gaps to look for."
                    : "No gaps: every provider, account and region logged events in every hour between its first "
                    + "and last event.").blank();
            return;
        }
        out.line("Hours in which a provider, account and region that logged events before and after logged "
                + "nothing at all. Check that the trail was running and that no log file is missing; "
                + "a quiet region at night can be normal.").blank();
        rows.sort(Comparator.comparingLong((Row row) -> row.gap().hours()).reversed()
                .thenComparingLong(row -> row.gap().from()));
        List<Row> shown = rows.subList(0, Math.min(MAX_GAP_ROWS, rows.size()));
        MarkdownTable t = new MarkdownTable("provider", "account", "region", "from", "to", "hours");
        for (Row row : shown) {
            t.row(row.scope().provider().name(), row.scope().account(), row.scope().region(),
                    Text.time(row.gap().from()), Text.time(row.gap().to()), Long.toString(row.gap().hours()));
        }
        t.writeTo(out);
        if (rows.size() > shown.size()) {
            out.line("Showing the " + shown.size() + " longest of " + rows.size()
                    + " gaps; summary.json lists them all.").blank();
        }
    }

    private static long gapHours(List<Coverage> coverage) {
        return coverage.stream().flatMap(c -> c.gaps().stream()).mapToLong(CoverageGap::hours).sum();
    }

    private void quarantine(InputReport in) {
        if (in.rejects().isEmpty()) {
            out.line(in.quarantined() == 0 ? "No record was quarantined."
                    : in.quarantined() + " records were quarantined; none is listed individually.").blank();
            return;
        }
        if (in.rejects().size() != in.quarantined()) {
            out.line(in.rejects().size() + " of " + in.quarantined() + " quarantined records are listed.").blank();
        }
        Map<String, List<Reject>> byReason = new LinkedHashMap<>();
        in.rejects().forEach(rj -> byReason.computeIfAbsent(rj.reason(), k -> new ArrayList<>()).add(rj));
        List<Map.Entry<String, List<Reject>>> groups = new ArrayList<>(byReason.entrySet());
        groups.sort(Comparator.comparing((Map.Entry<String, List<Reject>> e) -> e.getValue().size())
                .reversed().thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, List<Reject>> g : groups) {
            int n = g.getValue().size();
            out.line(count(n, "record") + ": " + MarkdownText.inline(g.getKey())
                    + (n > MAX_REJECT_EXAMPLES ? " (first " + MAX_REJECT_EXAMPLES + " shown)" : "")).blank();
            MarkdownTable t = new MarkdownTable("record", "excerpt");
            for (Reject rj : g.getValue().subList(0, Math.min(MAX_REJECT_EXAMPLES, n))) {
                t.row(Text.locationWithLine(rj.origin()),
                        rj.excerpt() == null ? "(not readable)" : Text.truncate(Text.oneLine(rj.excerpt()), MAX_EXCERPT));
            }
            t.writeTo(out);
        }
    }

    // ---- small pieces -------------------------------------------------------------------------

    private String linkOrText(String id) {
        if (id == null) {
            return "";
        }
        return linkable.contains(id) ? link(id) : MarkdownText.inline(id);
    }

    private static String link(String id) {
        return MarkdownText.linkToHeading(id);
    }

    private static String span(long first, long last) {
        return first == last ? Text.time(first) : Text.time(first) + " to " + Text.time(last);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String list(Collection<String> items) {
        List<String> all = List.copyOf(items);
        String shown = all.stream().limit(MAX_LIST_ITEMS).map(MarkdownText::inline).collect(Collectors.joining(", "));
        return all.size() > MAX_LIST_ITEMS ? shown + " and " + (all.size() - MAX_LIST_ITEMS) + " more" : shown;
    }

    private static String listOrNone(List<String> items) {
        return items.isEmpty() ? "none in the evidence" : list(items);
    }
}
