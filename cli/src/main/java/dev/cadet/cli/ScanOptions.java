package dev.cadet.cli;

import dev.cadet.cli.internal.config.ScanSetup;
import dev.cadet.model.Decision;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.BadRecordPolicy;
import dev.cadet.parsers.LogReader;
import dev.cadet.reports.Reports;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Options shared by {@code scan} and {@code demo}, and the run-and-report step they share. */
final class ScanOptions {

    /** When a scan should end with {@link Main#EXIT_FAIL_ON}. */
    enum FailOn {
        /** Never (the default). */
        never,
        /** Any incident escalated to Tier 2. */
        escalate,
        /** Any incident escalated or up for Tier-1 review. */
        review
    }

    @Option(names = "--strict", description = "Fail on the first bad record or broken file, with its location, "
            + "instead of quarantining it.")
    boolean strict;

    @Option(names = "--lateness", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How late an event may arrive and still be analysed in time order (e.g. 30m, 1h, PT2H). "
                    + "Default: the configuration file's, else 1h.")
    Duration lateness;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (cadet.yaml): approved "
            + "automation, sources, documents and maintenance windows, thresholds, threat intelligence, GeoIP.")
    Path config;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline written by 'cadet baseline learn'. "
            + "Default: the configuration file's, else the first 24h of the scanned logs serve as one.")
    Path baseline;

    @Option(names = "--approved-principal", paramLabel = "PATTERN",
            description = "Canonical principal of approved automation ('*' matches any run of characters); repeatable.")
    List<String> approvedPrincipals = new ArrayList<>();

    @Option(names = "--approved-source", paramLabel = "IP|CIDR|HOST",
            description = "Approved source address, network or service host; repeatable.")
    List<String> approvedSources = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Parser threads. Default: number of cores.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-on", paramLabel = "DECISION", defaultValue = "never",
            description = "Exit with code 3 when an incident reaches this decision: ${COMPLETION-CANDIDATES}. "
                    + "Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    /**
     * Scans, writes the reports to {@code out}, prints a summary and returns the exit code.
     *
     * @param filters which events to analyse, or {@code null} for all
     */
    int scanAndReport(List<Path> inputs, Path out, Console console, OutputOptions output, FilterOptions filters) {
        LogReader reader = LogReader.builder()
                .badRecords(strict ? BadRecordPolicy.FAIL : BadRecordPolicy.QUARANTINE)
                .build();
        ScanResult result;
        List<Path> written;
        try (ScanSetup setup = ScanSetup.of(config, baseline, lateness, approvedPrincipals, approvedSources);
             Progress progress = Progress.of(console, output.quiet)) {
            result = new ScanJob(reader, setup.config(), threads, System.in).progress(progress).filter(filters)
                    .run(inputs);
            progress.phase("writing reports");
            written = Reports.write(result, out, output.formats());
        }
        if (!output.quiet) {
            ScanSummary.print(result, out, written, console);
        }
        return reachedFailOn(result) ? Main.EXIT_FAIL_ON : Main.EXIT_OK;
    }

    private boolean reachedFailOn(ScanResult result) {
        return result.incidents().stream().anyMatch(i -> switch (failOn) {
            case never -> false;
            case escalate -> i.decision() == Decision.ESCALATE_TIER2;
            case review -> i.decision() != Decision.BENIGN;
        });
    }
}
