package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.HourlyFindings;
import dev.cadet.detectors.internal.Text;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Severity;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lateral movement: a command execution or session started by a machine's own identity (an instance
 * profile role session named {@code i-...}, an Azure managed identity, a GCP Compute Engine default
 * service account), so whoever controls that machine is using its credentials to reach others. Any
 * outcome counts: a refused attempt is still an attempt. HIGH when a target is another machine than the
 * caller itself, MEDIUM otherwise. One finding per principal and hour.
 */
public final class CommandFromInstanceDetector extends HourlyDetector implements Serializable {

    public static final String ID = "command-from-instance";
    private static final Pattern SESSION = Pattern.compile("/(m?i-[0-9a-f]{8,17})$");


    public CommandFromInstanceDetector() {
        super(ID, ON_MACHINE, (principal, b) -> "the machine identity " + principal + " started "
                + Text.count(b.count(), "command execution or session") + " on " + Text.count(b.targets().size(), "target")
                + (b.notes().isEmpty() ? "" : ": " + Text.list(b.notes(), 5)) + b.capNote());
    }

    static boolean isInstanceIdentity(CloudEvent e) {
        return e.actor().type() == PrincipalType.INSTANCE || ownInstance(e.principal()) != null
                || e.principal().endsWith("-compute@developer.gserviceaccount.com");
    }

    /** The instance id in an instance-profile session principal, or {@code null}. */
    static String ownInstance(String principal) {
        // The cheap test first: this runs for every command execution.
        if (!principal.contains("/i-") && !principal.contains("/mi-")) {
            return null;
        }
        Matcher m = SESSION.matcher(principal);
        return m.find() ? m.group(1) : null;
    }

    /** Whether the event can change this detector's state: a command or session by a machine identity. */
    public static boolean concerns(CloudEvent e) {
        return e.kind().runsOnMachine() && isInstanceIdentity(e);
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        if (!concerns(e)) {
            return;
        }
        matched++;
        HourlyFindings.Bucket b = hourly.bucket(e.principal(), e.time()).add(e);
        String self = ownInstance(e.principal());
        boolean other = false;
        for (String t : e.targets()) {
            if (self == null || !t.endsWith(self)) {
                other = true;
                b.note(t + (self == null ? "" : " (not the caller " + self + ")"));
            }
        }
        b.severity(other ? Severity.HIGH : Severity.MEDIUM);
    }

}
