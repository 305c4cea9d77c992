package dev.cadet.cli;

import dev.cadet.model.CadetException;
import dev.cadet.model.FileReport;
import dev.cadet.parsers.BadRecordPolicy;
import dev.cadet.parsers.FileResult;
import dev.cadet.parsers.LogReader;
import dev.cadet.reports.OcsfEventWriter;
import dev.cadet.reports.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cadet normalize PATH... --out FILE}: every event of the inputs as OCSF JSON Lines, streamed in
 * input order (files in the order {@code scan} reads them, records in file order), for a data lake or
 * SIEM. No detection, no de-duplication: one line per event read.
 */
@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = {"Read cloud audit logs (same inputs as scan) and write every event as OCSF JSON Lines: "
                + "API Activity (6003), Authentication (3002) or Account Change (3001). Events are written in "
                + "input order, one per line, as they are read; records that cannot be read are counted as "
                + "quarantined, as in scan."},
        exitCodeListHeading = Main.EXIT_CODES_HEADING,
        exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2})
final class NormalizeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders; '-' reads standard input.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "Where the JSON Lines go; '-' writes them to standard output. A file is replaced "
                    + "atomically once every input is read.")
    String out;

    @Option(names = "--strict", description = "Fail on the first bad record or broken file, with its location, "
            + "instead of quarantining it.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        Console console = main.console;
        LogReader reader = LogReader.builder()
                .badRecords(strict ? BadRecordPolicy.FAIL : BadRecordPolicy.QUARANTINE)
                .build();
        List<Path> files = reader.expand(inputs);
        List<FileReport> reports = new ArrayList<>();
        boolean toStdout = "-".equals(out);
        long written;
        try (Progress progress = Progress.of(console, quiet)) {
            progress.start(files.size(), -1);
            if (toStdout) {
                OutputStream stdout = new BufferedOutputStream(console.bytes(), 1 << 16);
                try (OcsfEventWriter writer = OcsfEventWriter.to(stdout)) {
                    readAll(reader, files, writer, progress, reports);
                    written = writer.written();
                }
                flush(stdout);
            } else {
                written = Reports.ocsfEvents(Path.of(out), writer -> readAll(reader, files, writer, progress, reports));
            }
        }
        if (!quiet) {
            // With the events on standard output, the summary goes to standard error.
            PrintWriter summary = toStdout ? console.err() : console.out();
            long records = reports.stream().mapToLong(FileReport::records).sum();
            long skipped = reports.stream().mapToLong(FileReport::skipped).sum();
            long quarantined = reports.stream().mapToLong(FileReport::quarantined).sum();
            long broken = reports.stream().filter(r -> r.error() != null).count();
            summary.println(String.format(Locale.ROOT, "Read %,d files, %,d records: %,d skipped, %,d quarantined%s.",
                    reports.size(), records, skipped, quarantined,
                    broken == 0 ? "" : String.format(Locale.ROOT, "; %,d files could not be read to their end", broken)));
            summary.println(String.format(Locale.ROOT, "Wrote %,d OCSF events to %s.", written,
                    toStdout ? "standard output" : Console.safe(out)));
            summary.flush();
        }
        return Main.EXIT_OK;
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new CadetException("cannot write to standard output: " + e.getMessage(), e);
        }
    }

    private static void readAll(LogReader reader, List<Path> files, OcsfEventWriter writer, Progress progress,
                                List<FileReport> reports) {
        for (Path file : files) {
            FileResult result = ScanJob.read(reader, file, System.in, progress, e -> {
                writer.write(e);
                progress.event();
            });
            progress.fileDone(result.report());
            reports.add(result.report());
        }
    }
}
