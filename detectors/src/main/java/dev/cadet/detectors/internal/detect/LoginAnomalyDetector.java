package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.LatestByKey;
import dev.cadet.detectors.internal.SourceMatcher;
import dev.cadet.detectors.internal.Text;
import dev.cadet.detectors.internal.Times;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Mfa;
import dev.cadet.model.Outcome;
import dev.cadet.model.Provider;
import dev.cadet.model.Severity;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Has there been any recent account takeover?": a successful console or portal sign-in (AWS
 * {@code signin:ConsoleLogin}, Entra sign-ins) without MFA, or from a network outside the principal's
 * history and the approved sources, followed by a command execution or session of that principal. The
 * sign-in counts for a command at {@code c} when it lies in {@code [c - window, c)}. HIGH; one finding
 * per principal and command hour.
 *
 * <p>State: per principal its latest anomalous sign-in, evicted below {@code watermark - window}.
 */
public final class LoginAnomalyDetector extends HourlyDetector implements Serializable {

    public static final String ID = "login-anomaly";

    private final History history;
    private final SourceMatcher approved;
    private final long window;
    private final LatestByKey<Login> logins = new LatestByKey<>();

    private record Login(CloudEvent event, String why) implements Serializable {
    }

    public LoginAnomalyDetector(History history, List<String> approvedSources, Duration window) {
        this(history, SourceMatcher.of(approvedSources), window);
    }

    public LoginAnomalyDetector(History history, SourceMatcher approved, Duration window) {
        super(ID, observing(history, ON_MACHINE | kinds(EventKind.AUTHENTICATION)), (principal, b) -> principal + " ran " + Text.count(b.count(), "command") + " within "
                + Times.human(window) + " of a sign-in " + Text.list(b.notes(), 3) + b.capNote());
        this.history = history;
        this.approved = approved;
        this.window = window.toMillis();
        if (this.window <= 0) {
            throw new IllegalArgumentException("loginAnomalyWindow must be > 0, was " + window);
        }
    }

    static boolean isInteractiveSignIn(CloudEvent e) {
        return e.kind() == EventKind.AUTHENTICATION && e.outcome() == Outcome.SUCCESS
                && (e.provider() == Provider.ENTRA || e.action().equalsIgnoreCase("signin:ConsoleLogin"));
    }

    /** Whether the event can change this detector's state: a sign-in or a command that ran, by a known principal. */
    public static boolean concerns(CloudEvent e) {
        return Events.isKnownPrincipal(e.principal())
                && (isInteractiveSignIn(e) || (e.kind().runsOnMachine() && e.outcome() != Outcome.FAILURE));
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        history.observe(e);
        // The kind first: most events are neither, and the principal's characters need not be read for them.
        if (isInteractiveSignIn(e)) {
            if (!Events.isKnownPrincipal(e.principal())) {
                return;
            }
            String why = anomaly(e);
            if (why != null) {
                matched++;
                logins.put(e.principal(), e.time(), new Login(e, why));
            }
        } else if (e.kind().runsOnMachine() && e.outcome() != Outcome.FAILURE && Events.isKnownPrincipal(e.principal())) {
            Login login = logins.get(e.principal());
            if (login != null && login.event.time() < e.time() && login.event.time() >= Times.minus(e.time(), window)) {
                matched++;
                hourly.bucket(e.principal(), e.time()).context(login.event).add(e).severity(Severity.HIGH)
                        .note(login.why + " at " + Times.iso(login.event.time()));
            }
        }
    }

    /** Why the sign-in is anomalous, or {@code null}. */
    private String anomaly(CloudEvent e) {
        String ip = e.source().ip();
        // The history lookup allocates nothing; the approved-list check parses the address: it goes last.
        boolean newSource = ip != null && history.judging(e.time()) && !history.knowsNetwork(e.principal(), ip)
                && !approved.matchesIp(ip);
        boolean noMfa = e.actor().mfa() == Mfa.NOT_USED;
        if (!noMfa && !newSource) {
            return null;
        }
        String from = ip == null ? "" : " from " + ip;
        return noMfa && newSource ? "without MFA" + from + ", a new network for it"
                : noMfa ? "without MFA" + from : from.strip() + ", a new network for it";
    }

    @Override
    protected void advance(long watermarkMillis, Consumer<Finding> out) {
        super.advance(watermarkMillis, out);
        // A future command is at or after the watermark, so sign-ins before watermark - window can never count.
        evictions += logins.evictBefore(Times.minus(watermarkMillis, window));
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        super.flush(out);
        logins.clear();
    }

    @Override
    protected int keysLive() {
        return logins.size() + super.keysLive();
    }
}
