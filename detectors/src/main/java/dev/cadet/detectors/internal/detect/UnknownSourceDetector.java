package dev.cadet.detectors.internal.detect;

import java.io.Serializable;
import dev.cadet.detectors.internal.Events;
import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.HourlyFindings;
import dev.cadet.detectors.internal.Networks;
import dev.cadet.detectors.internal.SourceMatcher;
import dev.cadet.detectors.internal.Text;
import dev.cadet.detectors.internal.Times;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Severity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Anomalies in IAM roles or users initiating cloud management commands, particularly if they emerge
 * from unknown IP addresses or geo-locations": a command execution, session, script definition or IAM
 * change whose source address lies outside every network (IPv4 /24, IPv6 /48) the principal used in the
 * history and outside the approved sources. MEDIUM; HIGH when the event's country is also new for the
 * principal. Calls made by a cloud service (no address) are not judged. Each (principal, network) is
 * reported once per scan.
 */
public final class UnknownSourceDetector extends HourlyDetector implements Serializable {

    public static final String ID = "unknown-source";

    private final History history;
    private final SourceMatcher approved;
    private final Map<String, Long> reported = new HashMap<>();
    private long notJudged;

    public UnknownSourceDetector(History history, List<String> approvedSources) {
        this(history, SourceMatcher.of(approvedSources));
    }

    public UnknownSourceDetector(History history, SourceMatcher approved) {
        super(ID, observing(history, ON_MACHINE | kinds(EventKind.SCRIPT_DEFINITION,
                EventKind.CREDENTIAL_CHANGE, EventKind.PRIVILEGE_CHANGE)), (principal, b) -> principal + " made "
                + Text.count(b.count(), "command or IAM call") + " from outside its history and the approved"
                + " sources: " + Text.list(b.notes(), 6) + b.capNote());
        this.history = history;
        this.approved = approved;
    }

    static boolean judged(CloudEvent e) {
        EventKind k = e.kind();
        return k.runsOnMachine() || k == EventKind.SCRIPT_DEFINITION || k == EventKind.CREDENTIAL_CHANGE
                || k == EventKind.PRIVILEGE_CHANGE;
    }

    /** Whether the event can change this detector's state: a judged call with an address by a known principal. */
    public static boolean concerns(CloudEvent e) {
        // The kind first: it is on the event itself, the address on another object.
        return judged(e) && e.source().ip() != null && Events.isKnownPrincipal(e.principal());
    }

    @Override
    protected void handle(CloudEvent e, Consumer<Finding> out) {
        history.observe(e);
        if (!concerns(e)) {
            return;
        }
        String ip = e.source().ip();
        if (!history.judging(e.time())) {
            notJudged++;
            return;
        }
        if (history.knowsNetwork(e.principal(), ip) || approved.matchesIp(ip)) {
            return;
        }
        long network = Networks.key(ip);
        String country = e.source().country();
        boolean newCountry = country != null && !history.knowsCountry(e.principal(), country);
        // Reported once: later events from that network count only in the hour it was first seen.
        String key = e.principal() + '\n' + network;
        long hour = Math.floorDiv(e.time(), Times.HOUR);
        Long first = reported.putIfAbsent(key, hour);
        if (first != null && first != hour) {
            return;
        }
        HourlyFindings.Bucket b = hourly.bucket(e.principal(), e.time()).add(e);
        matched++;
        if (first == null) {
            b.note(ip + " (network " + (network < 0 ? ip : Networks.cidr(network)) + ")"
                    + (country == null ? "" : newCountry ? " in " + country + ", a new country for it"
                    : " in " + country));
        }
        b.severity(newCountry ? Severity.HIGH : Severity.MEDIUM);
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
        c.put("notJudged", notJudged);
    }
}
