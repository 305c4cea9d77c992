package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.HourlyFindings;
import dev.cadet.detectors.internal.Text;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Associated with known threat actor TTPs": command text that matches the pattern pack (download and
 * execute, reverse shells, encoded PowerShell, instance-metadata credential theft, miners, new users and
 * keys, security agents or logging switched off...). Looks at command lines and the document or script
 * name of command executions and script definitions, whatever their outcome: a refused reverse shell is
 * still an attempt. One finding per principal and hour, as severe as its worst pattern, naming each
 * pattern with its ATT&amp;CK techniques and source.
 */
public final class SuspiciousCommandDetector extends HourlyDetector implements Serializable {

    public static final String ID = "suspicious-command-content";

    private final CommandPatterns patterns;
    /** Matchers are mutable and not serializable: made per instance, again after a restore. */
    private transient CommandPatterns.Scanner scanner;
    private long linesExamined;

    public SuspiciousCommandDetector(CommandPatterns patterns) {
        super(ID, ON_MACHINE | kinds(EventKind.SCRIPT_DEFINITION), (principal, b) -> principal + " ran command text matching "
                + Text.count(b.notes().size(), "known attacker pattern") + " (" + Text.list(b.notes(), 6) + ")"
                + " in " + Text.count(b.count(), "command") + b.capNote());
        this.patterns = patterns;
    }

    /** Whether the event can change this detector's state: command text or a script definition. */
    public static boolean concerns(CloudEvent e) {
        return e.command() != null && (e.kind().runsOnMachine() || e.kind() == EventKind.SCRIPT_DEFINITION);
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        if (!concerns(e)) {
            return;
        }
        HourlyFindings.Bucket bucket = null;
        String document = e.command().document();
        List<String> lines = e.command().lines();
        for (int i = document == null ? 0 : -1; i < lines.size(); i++) {
            String line = i < 0 ? document : lines.get(i);
            linesExamined++;
            if (scanner == null) {
                scanner = patterns.scanner();
            }
            List<CommandPatterns.Match> matches = scanner.match(line);
            for (CommandPatterns.Match m : matches) {
                if (bucket == null) {
                    matched++;
                    bucket = hourly.bucket(e.principal(), e.time()).add(e);
                }
                CommandPatterns.Entry p = m.entry();
                bucket.severity(p.severity()).note(p.id() + " [" + p.techniques() + "; " + p.source() + "]"
                        + (m.decoded() ? " in a decoded -EncodedCommand payload" : ""));
            }
        }
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        super.extraCounters(c);
        c.put("linesExamined", linesExamined);
        c.put("patterns", (long) patterns.size());
    }
}
