package dev.cadet.detectors.internal.incident;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.Text;
import dev.cadet.detectors.internal.Times;
import dev.cadet.model.Answer;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The playbook's "Questions for Analysis" and "Additional Analysis Steps for L1", answered for one
 * incident from its findings and evidence: what the supplied logs show, with the finding ids, or that
 * they show nothing ({@link Answer#NO_EVIDENCE}), or that a check could not run and why.
 */
public final class Analysis {

    public static final String Q_TAKEOVER = "Has there been any recent account takeover or suspicious IAM activity?";
    public static final String Q_TRUSTED = "Are the command executions associated with known, trusted users or processes?";
    public static final String Q_GEO = "Are there any geo-location anomalies in command executions?";
    public static final String Q_INTEL = "Is there any correlation with recent security advisories or threat intelligence"
            + " information?";
    public static final String L1_IAM = "Correlate IAM activity logs with command executions to identify any"
            + " unauthorized access.";
    public static final String L1_IPS = "Validate whether the IP addresses associated with the commands are known and"
            + " approved.";
    public static final String L1_ALERTS = "Check for any alerts or critical notifications in place around these services.";

    private static final Set<String> TAKEOVER = Set.of("failed-then-success", "iam-then-command", "login-anomaly",
            "geo-anomaly", "denied-command-burst");
    private static final Set<String> INTEL = Set.of("suspicious-command-content", "ioc-match");

    private Analysis() {
    }

    /** The four analysis questions, in the playbook's order. */
    public static List<Answer> questions(List<Finding> findings, Context ctx) {
        return List.of(takeover(findings), trusted(findings, ctx), geo(findings, ctx), intel(findings, ctx));
    }

    /** The three Tier-1 checks, in the playbook's order. */
    public static List<Answer> l1Checks(List<Finding> findings, Context ctx) {
        return List.of(iamCorrelation(findings), addresses(findings, ctx), alerts(findings));
    }

    private static Answer takeover(List<Finding> findings) {
        List<String> ids = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Finding f : findings) {
            if (TAKEOVER.contains(f.detector())) {
                ids.add(f.id());
                parts.add(f.id() + " (" + f.detector() + "): " + f.summary());
            }
        }
        Set<String> changes = iamChanges(findings);
        if (ids.isEmpty() && changes.isEmpty()) {
            return new Answer(Q_TAKEOVER, Answer.NO_EVIDENCE, List.of());
        }
        String text = ids.isEmpty() ? "IAM changes in the evidence, with no compromise indicator around them: "
                + Text.list(changes, 6) + "." : "Yes. " + String.join(" ", withStops(parts))
                + (changes.isEmpty() ? "" : " IAM changes in the evidence: " + Text.list(changes, 6) + ".");
        return new Answer(Q_TAKEOVER, text, ids);
    }

    private static Answer trusted(List<Finding> findings, Context ctx) {
        Map<String, Set<String>> commandsBy = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (Finding f : findings) {
            boolean commands = false;
            for (CloudEvent e : f.evidence()) {
                if (e.kind().runsOnMachine() && e.outcome() != Outcome.FAILURE) {
                    commandsBy.computeIfAbsent(e.principal(), k -> new TreeSet<>()).add(f.id());
                    commands = true;
                }
            }
            if (commands && (f.detector().equals("command-execution") || f.detector().equals("rare-command"))) {
                ids.add(f.id());
            }
        }
        if (commandsBy.isEmpty()) {
            return new Answer(Q_TRUSTED, "No successful command execution or session in this incident's evidence.",
                    List.of());
        }
        List<String> parts = new ArrayList<>();
        boolean allTrusted = true;
        for (Map.Entry<String, Set<String>> p : commandsBy.entrySet()) {
            String principal = p.getKey();
            Finding any = first(findings, p.getValue());
            String window = any == null ? null : ctx.approvals().window(any);
            if (ctx.approvals().principalApproved(principal)) {
                parts.add(principal + " is approved automation");
            } else if (window != null) {
                parts.add(principal + " worked inside the approved maintenance window '" + window + "'");
            } else {
                allTrusted = false;
                parts.add(principal + " is not approved automation" + history(ctx.history(), principal));
            }
        }
        String text = (allTrusted ? "Yes: " : "Not all: ") + String.join("; ", parts) + ".";
        return new Answer(Q_TRUSTED, text, ids);
    }

    private static String history(History h, String principal) {
        return switch (h.mode()) {
            case NONE -> " (no baseline to say what it usually does)";
            default -> !h.knowsPrincipal(principal) ? " and has no history in the baseline"
                    : h.ranCommands(principal) ? " and ran commands in the baseline too"
                    : " and ran no commands in the baseline";
        };
    }

    private static Answer geo(List<Finding> findings, Context ctx) {
        List<String> ids = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Finding f : findings) {
            if (f.detector().equals("geo-anomaly")
                    || f.detector().equals("unknown-source") && f.summary().contains("a new country")) {
                ids.add(f.id());
                parts.add(f.id() + " (" + f.detector() + "): " + f.summary());
            }
        }
        if (!ids.isEmpty()) {
            return new Answer(Q_GEO, "Yes. " + String.join(" ", withStops(parts)), ids);
        }
        Set<String> countries = new TreeSet<>();
        int addresses = 0;
        for (Finding f : findings) {
            for (CloudEvent e : f.evidence()) {
                if (e.source().country() != null) {
                    countries.add(e.source().country());
                }
                if (e.source().ip() != null) {
                    addresses++;
                }
            }
        }
        if (!countries.isEmpty()) {
            return new Answer(Q_GEO, "No: the located events come from " + Text.list(countries, 8)
                    + ", with no impossible travel and no country new for its principal.", List.of());
        }
        if (addresses == 0) {
            return new Answer(Q_GEO, Answer.NO_EVIDENCE + " The events came from cloud services, not addresses.",
                    List.of());
        }
        return new Answer(Q_GEO, "Could not check: the supplied logs give no location for these events"
                + (ctx.geoIp() ? " and the GeoIP database has none for their addresses."
                : " and no GeoIP database was given (geoip in the configuration file)."), List.of());
    }

    private static Answer intel(List<Finding> findings, Context ctx) {
        List<String> ids = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Finding f : findings) {
            if (INTEL.contains(f.detector())) {
                ids.add(f.id());
                parts.add(f.id() + " (" + f.detector() + "): " + f.summary());
            }
        }
        if (!ids.isEmpty()) {
            return new Answer(Q_INTEL, "Yes. " + String.join(" ", withStops(parts)), ids);
        }
        boolean text = false;
        for (Finding f : findings) {
            for (CloudEvent e : f.evidence()) {
                text |= e.command() != null && !e.command().lines().isEmpty();
            }
        }
        String commands = text ? "the command text in the logs matches no pattern of the pack"
                : "the logs carry no command text to check (CloudTrail hides SendCommand parameters: add the SSM"
                + " command history)";
        String indicators = ctx.indicators() == 0 ? "no threat-intelligence indicators were configured"
                : "no event matches the " + ctx.indicators() + " configured indicators";
        return new Answer(Q_INTEL, Answer.NO_EVIDENCE + " " + capitalise(commands) + "; " + indicators + ".",
                List.of());
    }

    private static Answer iamCorrelation(List<Finding> findings) {
        List<String> ids = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Finding f : findings) {
            if (f.detector().equals("iam-then-command")) {
                ids.add(f.id());
                parts.add(f.id() + ": " + f.summary());
            }
        }
        if (!ids.isEmpty()) {
            return new Answer(L1_IAM, "IAM changes precede the commands. " + String.join(" ", withStops(parts)), ids);
        }
        Set<String> changes = iamChanges(findings);
        if (!changes.isEmpty()) {
            return new Answer(L1_IAM, "IAM changes in the incident, not followed by commands of the same principal"
                    + " or key within the window: " + Text.list(changes, 6) + ".", List.of());
        }
        return new Answer(L1_IAM, Answer.NO_EVIDENCE + " No credential or privilege change precedes these commands"
                + " in the supplied logs.", List.of());
    }

    private static Answer addresses(List<Finding> findings, Context ctx) {
        Map<String, String> status = new TreeMap<>();
        Map<String, String> principalOf = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (Finding f : findings) {
            if (f.detector().equals("unknown-source")) {
                ids.add(f.id());
                for (CloudEvent e : f.evidence()) {
                    if (e.source().ip() != null) {
                        status.put(e.source().ip(), "unknown: outside the history of " + e.principal()
                                + " and the approved sources (" + f.id() + ")");
                    }
                }
            }
        }
        for (Finding f : findings) {
            for (CloudEvent e : f.evidence()) {
                String ip = e.source().ip();
                if (ip == null || !(e.kind().runsOnMachine() || e.kind() == EventKind.AUTHENTICATION)
                        || status.containsKey(ip)) {
                    continue;
                }
                principalOf.put(ip, e.principal());
                if (ctx.approvals().sourceApproved(e.source())) {
                    status.put(ip, "approved");
                } else if (ctx.history().knowsNetwork(e.principal(), ip)) {
                    status.put(ip, "not approved, but in the history of " + e.principal());
                } else if (ctx.history().mode() == History.Mode.NONE) {
                    status.put(ip, "not approved (no baseline to compare with)");
                } else {
                    status.put(ip, "not approved and outside the history of " + e.principal());
                }
            }
        }
        if (status.isEmpty()) {
            return new Answer(L1_IPS, "No command came from an IP address: the callers were cloud services.",
                    ids);
        }
        List<String> parts = new ArrayList<>();
        status.forEach((ip, s) -> parts.add(ip + ": " + s));
        return new Answer(L1_IPS, String.join("; ", parts) + ".", ids);
    }

    private static Answer alerts(List<Finding> findings) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> what = new TreeSet<>();
        for (Finding f : findings) {
            if (f.severity().compareTo(dev.cadet.model.Severity.HIGH) >= 0) {
                ids.add(f.id());
                what.add(f.detector());
            }
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Finding f : findings) {
            first = Math.min(first, f.firstSeen());
            last = Math.max(last, f.lastSeen());
        }
        String window = findings.isEmpty() ? "" : " between " + Times.iso(first) + " and " + Times.iso(last);
        String own = ids.isEmpty() ? "cadet raised no HIGH or CRITICAL finding here."
                : "cadet's own HIGH or CRITICAL findings here: " + String.join(", ", ids) + " (" + Text.list(what, 6) + ").";
        return new Answer(L1_ALERTS, "Outside the supplied logs: audit logs do not carry the alerts of GuardDuty,"
                + " Defender for Cloud or Security Command Center; check them for these principals and machines"
                + window + ". " + own, new ArrayList<>(ids));
    }

    private static Set<String> iamChanges(List<Finding> findings) {
        Set<String> changes = new TreeSet<>();
        for (Finding f : findings) {
            for (CloudEvent e : f.evidence()) {
                if (e.outcome() != Outcome.FAILURE
                        && (e.kind() == EventKind.CREDENTIAL_CHANGE || e.kind() == EventKind.PRIVILEGE_CHANGE)) {
                    changes.add(e.action() + (e.subject() != null && !e.subject().equals(e.principal())
                            ? " for " + e.subject() : "") + " by " + e.principal() + " at " + Times.iso(e.time()));
                }
            }
        }
        return changes;
    }

    private static Finding first(List<Finding> findings, Set<String> ids) {
        for (Finding f : findings) {
            if (ids.contains(f.id())) {
                return f;
            }
        }
        return null;
    }

    private static List<String> withStops(List<String> parts) {
        List<String> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            out.add(p.endsWith(".") ? p : p + ".");
        }
        return out;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
