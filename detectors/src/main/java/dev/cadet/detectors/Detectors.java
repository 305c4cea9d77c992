package dev.cadet.detectors;

import dev.cadet.detectors.internal.Times;
import dev.cadet.detectors.internal.detect.CommandExecutionDetector;
import dev.cadet.detectors.internal.detect.FailedThenSuccessDetector;
import dev.cadet.detectors.internal.detect.IamThenCommandDetector;

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
                        "A successful credential or privilege change by a principal or for a principal, or a new"
                                + " access key, followed in [c - window, c) by a successful command execution or"
                                + " session at c by that principal or with that key. HIGH; one finding per principal"
                                + " and command hour.",
                        Map.of("iamThenCommandWindow", Times.human(d.iamThenCommandWindow()))));
    }

    /** Fresh instances of the built-in detectors, configured; one set per scan. */
    public static List<Detector> builtIn(DetectionConfig config) {
        Objects.requireNonNull(config, "config");
        return List.of(
                new BuiltInDetector(new CommandExecutionDetector(config.fanOutThreshold())),
                new BuiltInDetector(new FailedThenSuccessDetector(config.failedThenSuccessThreshold(),
                        config.failedThenSuccessWindow())),
                new BuiltInDetector(new IamThenCommandDetector(config.iamThenCommandWindow())));
    }
}
