package dev.cadet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cadet scan PATH... --out DIR}. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan cloud audit logs (files, folders as 'aws s3 sync' leaves them, '-' for stdin; "
                + ".json, .json.gz, JSON Lines; format sniffed from content) and write report.md, "
                + "findings.csv, incidents.csv, timeline.csv, findings.jsonl and summary.json.",
                "A progress bar is shown on standard error when it is a terminal; a short summary ends the run."},
        exitCodeListHeading = Main.EXIT_CODES_HEADING,
        exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2, Main.EXIT_3})
final class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders; '-' reads standard input.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "cadet-out",
            description = "Folder for the reports. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Mixin
    ScanOptions options;

    @Mixin
    FilterOptions filters;

    @Mixin
    OutputOptions output;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        return options.scanAndReport(inputs, out, main.console, output, filters);
    }
}
