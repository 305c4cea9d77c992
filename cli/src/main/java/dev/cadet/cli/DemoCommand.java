package dev.cadet.cli;

import dev.cadet.cli.internal.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cadet demo}: writes the embedded demo week of CloudTrail (a small company with one planted
 * intrusion) under {@code OUT/logs} and scans it exactly as {@code cadet scan} would.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Write a demo week of CloudTrail logs (a small company with one planted intrusion) "
                + "to OUT/logs and scan it, writing the reports to OUT."},
        exitCodeListHeading = Main.EXIT_CODES_HEADING,
        exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2, Main.EXIT_3})
final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "cadet-demo",
            description = "Folder for the demo logs and reports. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoData.DEFAULT_SEED,
            description = "Seed of the demo data generator; the same seed writes the same bytes. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    ScanOptions options;

    @Mixin
    OutputOptions output;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter console = main.console.out();
        Path logs = out.resolve("logs");
        DemoData demo = new DemoData(seed);
        int files = demo.writeTo(logs);
        if (!output.quiet) {
            console.printf("Wrote %d demo CloudTrail files under %s%n", files, Console.safe(logs.toString()));
        }
        // The demo company's automation is known: approve it the way an analyst would in a real scan.
        if (options.approvedPrincipals.isEmpty()) {
            options.approvedPrincipals.addAll(DemoData.APPROVED_PRINCIPALS);
        }
        if (options.approvedSources.isEmpty()) {
            options.approvedSources.addAll(DemoData.APPROVED_SOURCES);
        }
        return options.scanAndReport(List.of(logs), out, main.console, output, null);
    }
}
