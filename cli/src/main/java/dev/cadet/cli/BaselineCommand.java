package dev.cadet.cli;

import dev.cadet.cli.internal.baseline.BaselineFile;
import dev.cadet.detectors.Baseline;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.FileReport;
import dev.cadet.parsers.BadRecordPolicy;
import dev.cadet.parsers.FileResult;
import dev.cadet.parsers.LogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cadet baseline learn PATH... --out baseline.json}: learns what is normal from past logs. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Learn what is normal from past logs, for 'cadet scan --baseline FILE'.",
        subcommands = {BaselineCommand.Learn.class})
final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.EXIT_USAGE;
    }

    @Command(name = "learn", mixinStandardHelpOptions = true,
            description = {"Read logs (same inputs as 'cadet scan') and write a baseline: per principal its networks,"
                    + " countries, operations, targets and peak command rates; per target the operations run on it;"
                    + " per account its peak command rate."})
    static final class Learn implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders; '-' reads standard input.")
        List<Path> inputs;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "baseline.json",
                description = "Where to write the baseline. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--strict", description = "Fail on the first bad record instead of quarantining it.")
        boolean strict;

        @Option(names = "--verbose", description = "Print stack traces of errors.")
        boolean verbose;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter console = spec.commandLine().getOut();
            LogReader reader = LogReader.builder()
                    .badRecords(strict ? BadRecordPolicy.FAIL : BadRecordPolicy.QUARANTINE).build();
            List<CloudEvent> events = new ArrayList<>();
            long records = 0;
            long quarantined = 0;
            List<Path> files = reader.expand(inputs);
            for (Path f : files) {
                FileResult r = "-".equals(f.toString()) ? reader.read(System.in, "-", events::add)
                        : reader.read(f, events::add);
                FileReport report = r.report();
                records += report.records();
                quarantined += report.quarantined();
            }
            // The learner counts rates per hour and multi-record operations once: it needs time order.
            events.sort(ScanJob.CANONICAL_ORDER);
            Baseline.Learner learner = Baseline.learner();
            events.forEach(learner::add);
            Baseline baseline = learner.build();
            BaselineFile.write(baseline, out);
            console.printf(Locale.ROOT, "Read %d files, %d records: %d events, %d quarantined.%n", files.size(), records,
                    events.size(), quarantined);
            if (baseline.events() == 0) {
                console.println("No events: the baseline is empty.");
            } else {
                console.printf(Locale.ROOT, "Learned %d principals, %d targets and %d accounts from %s to %s.%n",
                        baseline.principals().size(), baseline.targets().size(), baseline.accounts().size(),
                        Instant.ofEpochMilli(baseline.from()), Instant.ofEpochMilli(baseline.until()));
            }
            console.println("Wrote " + Console.safe(out.toString()));
            return Main.EXIT_OK;
        }
    }
}
