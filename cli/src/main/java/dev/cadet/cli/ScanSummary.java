package dev.cadet.cli;

import dev.cadet.model.CoverageGap;
import dev.cadet.model.Decision;
import dev.cadet.model.Incident;
import dev.cadet.model.InputReport;
import dev.cadet.model.ScanResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The few lines a scan prints when it ends: what was read, what was found, one line per incident
 * (escalations first) and where the reports are. Coloured on a terminal; every string from the logs
 * goes through {@link Console#safe}.
 */
final class ScanSummary {

    /** Incident lines printed; report.md has them all. */
    static final int MAX_INCIDENTS = 10;

    private ScanSummary() {
    }

    static void print(ScanResult r, Path outDir, List<Path> written, Console console) {
        PrintWriter out = console.out();
        InputReport in = r.input();
        out.println(String.format(Locale.ROOT, "Read %,d files, %,d records: %,d events, %,d skipped, %,d quarantined; "
                        + "%,d duplicates, %,d late.", in.files().size(), in.records(), in.events(), in.skipped(),
                in.quarantined(), r.pipeline().duplicates(), r.pipeline().late()));
        if (r.filter().active()) {
            out.println(String.format(Locale.ROOT, "Filter: %s; %,d events left out.",
                    FilterOptions.describe(r.filter()), r.filter().excluded()));
        }
        if (r.pipeline().baseline() != null) {
            out.println(Console.safe(r.pipeline().baseline().description()));
        }
        if (!in.filesWithErrors().isEmpty()) {
            out.println(console.style(Console.YELLOW, String.format(Locale.ROOT,
                    "Warning: %,d files could not be read to their end (see the report).", in.filesWithErrors().size())));
        }
        long gapHours = r.coverage().stream().flatMap(c -> c.gaps().stream()).mapToLong(CoverageGap::hours).sum();
        if (gapHours > 0) {
            long scopes = r.coverage().stream().filter(c -> !c.gaps().isEmpty()).count();
            out.println(console.style(Console.YELLOW, String.format(Locale.ROOT,
                    "Warning: %,d hours without any event inside the covered time of %d provider/account/region "
                            + "scopes: missing logs? (see Coverage gaps in the report)", gapHours, scopes)));
        }
        out.println(String.format(Locale.ROOT, "%,d finding%s, %,d incident%s: %s.", r.findings().size(),
                r.findings().size() == 1 ? "" : "s", r.incidents().size(), r.incidents().size() == 1 ? "" : "s",
                decisions(r, console)));
        List<Incident> shown = r.incidents().stream().limit(MAX_INCIDENTS).toList();
        for (Incident i : shown) {
            String reasons = i.reasons().stream().map(x -> x.rule()).distinct().collect(Collectors.joining(", "));
            out.println(String.format(Locale.ROOT, "  %-8s %s %-8s %s%s", i.id(),
                    decision(i.decision(), String.format(Locale.ROOT, "%-14s", i.decision().name()), console),
                    i.severity().name(), Console.safe(String.join(", ", i.principals())),
                    reasons.isEmpty() ? "" : console.style(Console.DIM, " (" + Console.safe(reasons) + ")")));
        }
        if (r.incidents().size() > shown.size()) {
            out.println(String.format(Locale.ROOT, "  ... and %,d more in report.md", r.incidents().size() - shown.size()));
        }
        if (!written.isEmpty()) {
            out.println("Reports in " + Console.safe(outDir.toString()) + ": " + written.stream()
                    .map(p -> Objects.toString(p.getFileName())).collect(Collectors.joining(", ")));
        }
        out.flush();
    }

    private static String decisions(ScanResult r, Console console) {
        StringBuilder b = new StringBuilder();
        for (Decision d : Decision.values()) {
            long n = r.incidents().stream().filter(i -> i.decision() == d).count();
            if (b.length() > 0) {
                b.append(", ");
            }
            String text = n + " " + d.name();
            b.append(n == 0 ? text : decision(d, text, console));
        }
        return b.toString();
    }

    private static String decision(Decision d, String text, Console console) {
        return console.style(switch (d) {
            case ESCALATE_TIER2 -> Console.RED;
            case TIER1_REVIEW -> Console.YELLOW;
            case BENIGN -> Console.GREEN;
        }, text);
    }
}
