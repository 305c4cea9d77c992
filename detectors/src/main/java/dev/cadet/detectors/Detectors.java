package dev.cadet.detectors;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.SourceMatcher;
import dev.cadet.detectors.internal.Times;
import dev.cadet.detectors.internal.detect.AbstractDetector;
import dev.cadet.detectors.internal.detect.CommandExecutionDetector;
import dev.cadet.detectors.internal.detect.CommandPatterns;
import dev.cadet.detectors.internal.detect.CommandFromInstanceDetector;
import dev.cadet.detectors.internal.detect.CommandSpikeDetector;
import dev.cadet.detectors.internal.detect.DeniedCommandBurstDetector;
import dev.cadet.detectors.internal.detect.FailedThenSuccessDetector;
import dev.cadet.detectors.internal.detect.GeoAnomalyDetector;
import dev.cadet.detectors.internal.detect.IamThenCommandDetector;
import dev.cadet.detectors.internal.detect.IocMatchDetector;
import dev.cadet.detectors.internal.detect.LoginAnomalyDetector;
import dev.cadet.detectors.internal.detect.Parts;
import dev.cadet.detectors.internal.detect.RareCommandDetector;
import dev.cadet.detectors.internal.detect.SuspiciousCommandDetector;
import dev.cadet.detectors.internal.detect.UnknownSourceDetector;
import dev.cadet.detectors.internal.detect.UserDataSwapDetector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The built-in detectors and their catalogue. */
public final class Detectors {

    private Detectors() {
    }

    /** What each built-in detector does, in the order {@link #builtIn} returns them. */
    public static List<DetectorInfo> catalogue() {
        DetectionConfig d = DetectionConfig.defaults();
        return List.of(
                new DetectorInfo(CommandExecutionDetector.ID,
                        "Command execution and interactive sessions on machines",
                        "Key Indicators: \"Sudden or unusual commands executed within virtual machines, especially"
                                + " those not corresponding to normal operations.\"",
                        "T1651 Cloud Administration Command",
                        "Every successful (or not yet finished) command execution or interactive session, gathered"
                                + " per principal and hour [h, h+1h): the commands, the union of their targets and the"
                                + " fan-out (distinct targets). LOW; MEDIUM when the fan-out reaches the threshold or a"
                                + " target is a selector (* or tag:...). Failed executions are left to"
                                + " failed-then-success.",
                        Map.of("fanOutThreshold", Integer.toString(d.fanOutThreshold()))),
                new DetectorInfo(FailedThenSuccessDetector.ID,
                        "Failed attempts followed by a success",
                        "Decision for Escalation: \"Also, escalate if you find multiple failed attempts followed by a"
                                + " successful execution.\"",
                        "T1110 Brute Force, T1078 Valid Accounts, T1651 Cloud Administration Command",
                        "At least the threshold number of failures (failed sign-ins, or command executions and"
                                + " sessions refused with AccessDenied, Unauthorized, UnauthorizedOperation,"
                                + " AuthorizationFailed or InvalidClientTokenId) in [s - window, s) before a successful"
                                + " sign-in, command execution or session at s, for the same principal or the same"
                                + " source IP. HIGH; CRITICAL when the success ran a command. The key is reset after a"
                                + " finding.",
                        Map.of("failedThenSuccessThreshold", Integer.toString(d.failedThenSuccessThreshold()),
                                "failedThenSuccessWindow", Times.human(d.failedThenSuccessWindow()))),
                new DetectorInfo(IamThenCommandDetector.ID,
                        "IAM change followed by command execution",
                        "Decision for Escalation: \"Escalate to Tier 2 if there are indicators of an account"
                                + " compromise, such as unusual IAM activity\"; Additional Analysis Steps for L1:"
                                + " \"Correlate IAM activity logs with command executions to identify any unauthorized"
                                + " access.\"",
                        "T1098 Account Manipulation, T1651 Cloud Administration Command",
                        "A successful credential or privilege change (a new access key among them) by a principal"
                                + " or for a principal, followed in [c - window, c) by a successful command execution"
                                + " or session at c by that principal, with the new key or any other. HIGH; one finding"
                                + " per principal and command hour.",
                        Map.of("iamThenCommandWindow", Times.human(d.iamThenCommandWindow()))),
                new DetectorInfo(SuspiciousCommandDetector.ID,
                        "Command text matching known attacker techniques",
                        "Decision for Escalation: \"if they're associated with known threat actor TTPs\"; Key Indicators:"
                                + " \"Sudden or unusual commands executed within virtual machines\"",
                        "T1651 Cloud Administration Command, and per pattern: T1105, T1059, T1027.010, T1552.005, T1496,"
                                + " T1136, T1098, T1562, T1070, T1003, T1490, T1053, T1572",
                        "Command lines (SSM command history, Azure run command scripts, Custom Script commandToExecute,"
                                + " GCP startup scripts) and document or script names of command executions and script"
                                + " definitions, any outcome, against the pattern pack (download and execute, reverse"
                                + " shells, encoded or obfuscated PowerShell, instance-metadata credential theft on AWS,"
                                + " Azure and GCP, miners, new users and keys, security agents and logging switched off,"
                                + " shadow copies deleted, persistence, tunnels), including the decoded text of PowerShell"
                                + " -EncodedCommand payloads. One finding per principal and hour, as severe as its worst"
                                + " pattern; each pattern named with its ATT&CK techniques and source.",
                        Map.of("commandPatterns", "built-in pack (" + CommandPatterns.builtIn().size() + " patterns)")),
                new DetectorInfo(IocMatchDetector.ID,
                        "Threat-intelligence indicator match",
                        "Questions for Analysis: \"Is there any correlation with recent security advisories or threat"
                                + " intelligence information?\"",
                        "T1651 Cloud Administration Command",
                        "Any event whose source address lies in an indicator address or CIDR block, whose service host"
                                + " is or lies under an indicator domain, or whose command text or output location names"
                                + " an indicator domain or address. HIGH; CRITICAL for command executions and sessions."
                                + " One finding per principal and hour. Runs only when indicators are configured.",
                        Map.of("iocAddresses", "none", "iocDomains", "none")),
                new DetectorInfo(RareCommandDetector.ID,
                        "Command never seen in the baseline",
                        "Key Indicators: \"Sudden or unusual commands executed within virtual machines, especially"
                                + " those not corresponding to normal operations.\"",
                        "T1651 Cloud Administration Command",
                        "A successful (or unfinished) command execution or session whose (principal, operation) or"
                                + " (target, operation) pair the baseline never saw; the operation is the document or"
                                + " script name, else the API action. Approved documents are never rare. MEDIUM; HIGH"
                                + " when the principal has no history at all. A (principal, operation) pair is reported once per"
                                + " scan, a (target, operation) pair once per principal.",
                        Map.of("approvedDocuments", "none", "learningPeriod", Times.human(d.learningPeriod()))),
                new DetectorInfo(UnknownSourceDetector.ID,
                        "Command or IAM call from an unknown source",
                        "Key Indicators: \"Anomalies in IAM roles or users initiating cloud management commands,"
                                + " particularly if they emerge from unknown IP addresses or geo-locations.\"",
                        "T1078 Valid Accounts, T1651 Cloud Administration Command",
                        "A command execution, session, script definition or credential or privilege change from an"
                                + " address outside every network (IPv4 /24, IPv6 /48) the principal used in the"
                                + " baseline and outside the approved sources. MEDIUM; HIGH when the event's country is"
                                + " new for the principal too. Each (principal, network) is reported once per scan.",
                        Map.of("approvedSources", "none", "learningPeriod", Times.human(d.learningPeriod()))),
                new DetectorInfo(GeoAnomalyDetector.ID,
                        "Impossible travel",
                        "Questions for Analysis: \"Are there any geo-location anomalies in command executions?\"",
                        "T1078 Valid Accounts",
                        "Two successful events of one principal from countries further apart than the travel speed"
                                + " allows in the time between them; the distance is a lower bound (country centroids"
                                + " less a radius each country lies within), so neighbouring countries never trip it."
                                + " Countries come from the log or from a GeoIP database; without either the check"
                                + " cannot run and says so. HIGH.",
                        Map.of("travelSpeedKmh", Integer.toString(d.travelSpeedKmh()))),
                new DetectorInfo(CommandSpikeDetector.ID,
                        "Spike in run-command usage",
                        "Key Indicators: \"A spike in the usage of cloud management services like AWS Systems Manager"
                                + " or Azure RunCommand.\"",
                        "T1651 Cloud Administration Command",
                        "Per principal and per account, the commands of each hour [h, h+1h) against the busiest hour"
                                + " of the baseline: a spike is at least the floor and at least ratio times the"
                                + " historic peak (no history: the floor alone). Fan-out spikes likewise: distinct"
                                + " targets of a principal in the hour, at least the fan-out threshold and ratio times"
                                + " its historic peak (no peak: at least the larger of the two floors). Multi-record"
                                + " operations count once. MEDIUM.",
                        Map.of("spikeFloor", Integer.toString(d.spikeFloor()), "spikeRatio", Double.toString(d.spikeRatio()),
                                "fanOutThreshold", Integer.toString(d.fanOutThreshold()))),
                new DetectorInfo(LoginAnomalyDetector.ID,
                        "Anomalous sign-in followed by commands",
                        "Questions for Analysis: \"Has there been any recent account takeover or suspicious IAM"
                                + " activity?\"",
                        "T1078 Valid Accounts, T1651 Cloud Administration Command",
                        "A successful console or portal sign-in (AWS ConsoleLogin, Entra sign-ins) without MFA, or"
                                + " from a network outside the principal's baseline and the approved sources, followed"
                                + " in [c - window, c) by a command execution or session of that principal at c. HIGH;"
                                + " one finding per principal and command hour.",
                        Map.of("loginAnomalyWindow", Times.human(d.loginAnomalyWindow()))),
                new DetectorInfo(DeniedCommandBurstDetector.ID,
                        "Burst of refused command executions",
                        "Decision for Escalation: \"Also, escalate if you find multiple failed attempts followed by a"
                                + " successful execution.\"",
                        "T1580 Cloud Infrastructure Discovery, T1651 Cloud Administration Command",
                        "At least the threshold number of command executions or sessions refused (AccessDenied,"
                                + " Unauthorized, AuthorizationFailed, Forbidden, PermissionDenied, InvalidInstanceId,"
                                + " InvalidTarget, InvalidClientTokenId) for one principal, or one source address when"
                                + " the log names nobody, less than the window apart from first to last; the burst"
                                + " grows while refusals come less than the window after the previous one and is"
                                + " reported when it ends. MEDIUM.",
                        Map.of("deniedBurstThreshold", Integer.toString(d.deniedBurstThreshold()),
                                "deniedBurstWindow", Times.human(d.deniedBurstWindow()))),
                new DetectorInfo(CommandFromInstanceDetector.ID,
                        "Commands sent by a machine identity",
                        "Log Sources to Investigate: \"Look into IAM logs for any unauthorized access or privilege"
                                + " escalation attempts.\"",
                        "T1021 Remote Services, T1651 Cloud Administration Command",
                        "A command execution or session, any outcome, started by a machine's own identity (an"
                                + " instance profile session named i-..., a managed identity, a GCP Compute Engine"
                                + " default service account): lateral movement with stolen instance credentials. HIGH"
                                + " when a target is another machine than the caller, MEDIUM otherwise. One finding per"
                                + " principal and hour.",
                        Map.of()),
                new DetectorInfo(UserDataSwapDetector.ID,
                        "Startup script or user data swapped",
                        "Key Indicators: \"Sudden or unusual commands executed within virtual machines\"",
                        "T1651 Cloud Administration Command, T1059 Command and Scripting Interpreter",
                        "On one machine: a stop (EC2 StopInstances, GCP instances.stop, Azure deallocate or powerOff),"
                                + " then a command execution such as a user-data or startup-script change, then a start,"
                                + " with the start less than the window after the stop. HIGH.",
                        Map.of("userDataSwapWindow", Times.human(d.userDataSwapWindow()))));
    }

    /** Fresh instances of the built-in detectors, configured; one set per scan. */
    public static List<Detector> builtIn(DetectionConfig config) {
        Objects.requireNonNull(config, "config");
        return builtIn(config, history(config));
    }

    /** The history the novelty detectors of one scan share: the stored baseline, a learner, or none. */
    static History history(DetectionConfig config) {
        if (config.baseline() != null) {
            return config.baseline().toHistory();
        }
        return config.learningPeriod().isZero() ? History.none() : History.learning(config.learningPeriod().toMillis());
    }

    static List<Detector> builtIn(DetectionConfig config, History history) {
        List<AbstractDetector> all = parts(config, history).all();
        List<Detector> out = new ArrayList<>(all.size());
        for (AbstractDetector d : all) {
            out.add(new BuiltInDetector(d));
        }
        return List.copyOf(out);
    }

    /** The settings and shared objects the built-in detectors of one scan are made from. */
    static Parts parts(DetectionConfig config, History history) {
        SourceMatcher approved = SourceMatcher.of(config.approvedSources());
        return new Parts(config.fanOutThreshold(), config.failedThenSuccessThreshold(),
                config.failedThenSuccessWindow(), config.iamThenCommandWindow(), config.commandPatterns(),
                SourceMatcher.of(config.iocAddresses()), IocMatchDetector.lowerCase(config.iocDomains()), history,
                List.copyOf(config.approvedDocuments()), approved, config.travelSpeedKmh(), config.spikeFloor(),
                config.spikeRatio(), config.loginAnomalyWindow(), config.deniedBurstThreshold(),
                config.deniedBurstWindow(), config.userDataSwapWindow());
    }
}
