package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.Glob;
import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.HourlyFindings;
import dev.cadet.detectors.internal.Text;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.Severity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * "Commands ... not corresponding to normal operations": a command execution or session whose
 * (principal, operation) or (target, operation) pair the history never saw; the operation is the
 * document or script name, else the API action. MEDIUM; HIGH when the principal has no history at
 * all. Approved documents are never rare. A pair is reported once per scan (the first hour it shows),
 * a (target, operation) pair once per principal, so that each principal's findings depend on its own
 * events alone; events the history is still learning from are not judged.
 */
public final class RareCommandDetector extends HourlyDetector implements Serializable {

    public static final String ID = "rare-command";

    private final History history;
    private final List<String> approvedDocuments;
    private final Set<String> reported = new HashSet<>();
    private long notJudged;

    public RareCommandDetector(History history, List<String> approvedDocuments) {
        super(ID, observing(history, ON_MACHINE), (principal, b) -> principal + " ran "
                + Text.count(b.notes().size(), "operation") + " never seen in the baseline: "
                + Text.list(b.notes(), 6) + b.capNote());
        this.history = history;
        this.approvedDocuments = List.copyOf(approvedDocuments);
    }

    /** Whether the event can change this detector's state: a command of a known principal that did not fail. */
    public static boolean concerns(CloudEvent e) {
        return e.kind().runsOnMachine() && e.outcome() != Outcome.FAILURE && Events.isKnownPrincipal(e.principal());
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        history.observe(e);
        if (!concerns(e)) {
            return;
        }
        if (!history.judging(e.time())) {
            notJudged++;
            return;
        }
        String op = History.operation(e);
        if (Glob.any(approvedDocuments, op)) {
            return;
        }
        HourlyFindings.Bucket b = null;
        boolean newPrincipal = !history.knowsPrincipal(e.principal());
        if (!history.knowsOperation(e.principal(), op) && reported.add(e.principal() + '\n' + op)) {
            b = bucket(e, newPrincipal);
            b.note(newPrincipal ? op + " by a principal with no history"
                    : op + " by this principal (new for it)");
        }
        for (String t : e.targets()) {
            if (!history.targetRan(t, op) && reported.add(e.principal() + '\u0000' + t + '\n' + op)) {
                if (b == null) {
                    b = bucket(e, newPrincipal);
                }
                b.note(op + " on " + t + (history.knowsTarget(t) ? "" : " (a target with no history)"));
            }
        }
    }

    private HourlyFindings.Bucket bucket(CloudEvent e, boolean newPrincipal) {
        matched++;
        return hourly.bucket(e.principal(), e.time()).add(e).severity(newPrincipal ? Severity.HIGH : Severity.MEDIUM);
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        super.flush(out);
        reported.clear();
    }

    /** What was reported stays for the whole scan, so that it is reported once. */
    @Override
    public boolean isIdle() {
        return super.isIdle() && reported.isEmpty();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        super.extraCounters(c);
        c.put("pairsReported", (long) reported.size());
        c.put("notJudged", notJudged);
    }
}
