package dev.cadet.cli;

import dev.cadet.detectors.DetectorInfo;
import dev.cadet.detectors.Detectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code cadet rules [ID...]}: what each detector looks for, its defaults, ATT&CK mapping and playbook line. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List the detectors: id, title, MITRE ATT&CK techniques, the playbook line each one "
                + "implements, what it looks for and its configuration defaults."},
        exitCodeListHeading = Main.EXIT_CODES_HEADING,
        exitCodeList = {Main.EXIT_0, Main.EXIT_2})
final class RulesCommand implements Callable<Integer> {

    static final int WIDTH = 100;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Show only these detectors.")
    List<String> ids = new ArrayList<>();

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        List<DetectorInfo> catalogue = Detectors.catalogue();
        List<String> known = catalogue.stream().map(DetectorInfo::id).toList();
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("unknown detector '" + id + "': expected one of "
                        + String.join(", ", known));
            }
        }
        PrintWriter out = main.console.out();
        boolean first = true;
        for (DetectorInfo d : catalogue) {
            if (!ids.isEmpty() && !ids.contains(d.id())) {
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            out.println(main.console.style(Console.BOLD, d.id()) + " — " + d.title());
            field(out, "ATT&CK", d.attack());
            field(out, "Playbook", d.playbookLine());
            field(out, "Logic", d.logic());
            field(out, "Defaults", d.defaults().isEmpty() ? "none" : d.defaults().entrySet().stream()
                    .map(Map.Entry::toString).collect(Collectors.joining(", ")));
        }
        out.flush();
        return Main.EXIT_OK;
    }

    /** {@code label: text}, the text wrapped at word boundaries and indented under itself. */
    private static void field(PrintWriter out, String label, String text) {
        String indent = " ".repeat(12);
        StringBuilder line = new StringBuilder(String.format("  %-9s ", label + ":"));
        int start = line.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }
}
