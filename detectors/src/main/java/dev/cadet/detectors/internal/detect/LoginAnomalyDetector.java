package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.ExpiryQueue;
import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.HourlyFindings;
import dev.cadet.detectors.internal.Interner;
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
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * "Has there been any recent account takeover?": a successful console or portal sign-in (AWS
 * {@code signin:ConsoleLogin}, Entra sign-ins) without MFA, or from a network outside the principal's
 * history and the approved sources, followed by a command execution or session of that principal. The
 * sign-in counts for a command at {@code c} when it lies in {@code [c - window, c)}. HIGH; one finding
 * per principal and command hour.
 *
 * <p>State: per principal its latest anomalous sign-in, evicted below {@code watermark - window}.
 */
public final class LoginAnomalyDetector extends AbstractDetector {

    public static final String ID = "login-anomaly";

    private final History history;
    private final SourceMatcher approved;
    private final long window;
    private final Interner principals = new Interner();
    private final IntObjectHashMap<Login> logins = new IntObjectHashMap<>();
    private final ExpiryQueue expiry = new ExpiryQueue();
    private final HourlyFindings hourly;
    private final IntConsumer evict = this::evict;
    private long evictBound = Long.MIN_VALUE;

    private record Login(CloudEvent event, String why) {
    }

    public LoginAnomalyDetector(History history, List<String> approvedSources, Duration window) {
        super(ID);
        this.history = history;
        this.approved = SourceMatcher.of(approvedSources);
        this.window = window.toMillis();
        if (this.window <= 0) {
            throw new IllegalArgumentException("loginAnomalyWindow must be > 0, was " + window);
        }
        this.hourly = new HourlyFindings(ID, (principal, b) -> principal + " ran " + Text.count(b.count(), "command")
                + " within " + Times.human(Duration.ofMillis(this.window)) + " of a sign-in " + Text.list(b.notes(), 3)
                + b.capNote());
    }

    static boolean isInteractiveSignIn(CloudEvent e) {
        return e.kind() == EventKind.AUTHENTICATION && e.outcome() == Outcome.SUCCESS
                && (e.provider() == Provider.ENTRA || e.action().equalsIgnoreCase("signin:ConsoleLogin"));
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        history.observe(e);
        if (!Events.isKnownPrincipal(e.principal())) {
            return;
        }
        if (isInteractiveSignIn(e)) {
            String why = anomaly(e);
            if (why != null) {
                matched++;
                int id = principals.idOf(e.principal());
                if (id < 0) {
                    id = principals.acquire(e.principal());
                }
                logins.put(id, new Login(e, why));
                expiry.add(e.time(), id);
            }
        } else if (e.kind().runsOnMachine() && e.outcome() != Outcome.FAILURE) {
            int id = principals.idOf(e.principal());
            Login login = id < 0 ? null : logins.get(id);
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
        boolean newSource = ip != null && history.judging(e.time()) && !approved.matchesIp(ip)
                && !history.knowsNetwork(e.principal(), ip);
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
        evictions += hourly.emitComplete(watermarkMillis, f -> emit(f, out));
        // A future command is at or after the watermark, so sign-ins before watermark - window can never count.
        evictBound = Times.minus(watermarkMillis, window);
        expiry.pollBefore(evictBound, evict);
    }

    private void evict(int id) {
        Login login = logins.get(id);
        if (login != null && login.event.time() < evictBound) {
            logins.remove(id);
            principals.release(id);
        }
    }

    @Override
    protected void flush(Consumer<Finding> out) {
        hourly.emitAll(f -> emit(f, out));
        logins.clear();
        principals.clear();
        expiry.clear();
    }

    @Override
    protected int keysLive() {
        return principals.size() + hourly.keysLive();
    }

    @Override
    protected void extraCounters(Map<String, Long> c) {
        c.put("bucketsOpen", (long) hourly.open());
    }
}
