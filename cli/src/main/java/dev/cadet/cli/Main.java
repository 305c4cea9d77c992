package dev.cadet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code cadet}: finds abuse of cloud "run a command on a VM" features (MITRE ATT&CK T1651) in cloud
 * audit logs and says, with evidence, whether to escalate to Tier 2.
 *
 * <p>Exit codes: 0 done, 1 runtime error, 2 usage error, 3 {@code --fail-on} threshold reached.
 */
@Command(name = "cadet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Cloud administration command (T1651) detection and triage for SOC analysts.",
        subcommands = {ScanCommand.class, DemoCommand.class, NormalizeCommand.class, RulesCommand.class,
                BaselineCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = Main.EXIT_CODES_HEADING,
        exitCodeList = {Main.EXIT_0, Main.EXIT_1, Main.EXIT_2, Main.EXIT_3})
public final class Main {

    // Exit codes as every command's --help lists them.
    static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    static final String EXIT_0 = "0:done (whatever was found, unless --fail-on says otherwise)";
    static final String EXIT_1 = "1:runtime error (unreadable input with --strict, I/O failure)";
    static final String EXIT_2 = "2:usage error (unknown option, bad value)";
    static final String EXIT_3 = "3:an incident reached the --fail-on decision";

    /** Finished, whatever was found. */
    public static final int EXIT_OK = 0;
    /** Something went wrong while running (unreadable input in strict mode, I/O failure). */
    public static final int EXIT_RUNTIME_ERROR = 1;
    /** The command line was wrong. */
    public static final int EXIT_USAGE = 2;
    /** An incident reached the {@code --fail-on} decision. */
    public static final int EXIT_FAIL_ON = 3;

    /** Where the commands print, and what kind of terminal that is. */
    final Console console;

    private Main(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        Console console = Console.system(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.getenv());
        int exit;
        try {
            exit = run(console, args);
        } catch (OutOfMemoryError e) {
            console.err().println("cadet: error: " + outOfMemory());
            exit = EXIT_RUNTIME_ERROR;
        }
        System.exit(exit);
    }

    /** What to do when the heap is too small: the launcher bounds it unless told otherwise. */
    static String outOfMemory() {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "out of memory with a heap of at most " + mb + " MB; give it more, for example "
                + "CADET_JAVA_OPTS='-Xmx4g' ./cadet ... (or java -Xmx4g -jar cadet.jar ...)";
    }

    /** Runs the command line with the given console streams (neither treated as a terminal); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Console.plain(out, err), args);
    }

    static int run(Console console, String... args) {
        CommandLine cli = new CommandLine(new Main(console));
        cli.setOut(console.out());
        cli.setErr(console.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(Main::onError);
        return cli.execute(args);
    }

    /** One clear line on stderr; the stack trace only with --verbose. */
    private static int onError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        String message = e.getCause() instanceof OutOfMemoryError ? outOfMemory()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("cadet: error: " + Console.safe(message));
        if (parsed.hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
        } else {
            err.println("cadet: run again with --verbose for the stack trace");
        }
        return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_RUNTIME_ERROR;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"cadet " + (v == null ? "(development build)" : v)};
        }
    }
}
