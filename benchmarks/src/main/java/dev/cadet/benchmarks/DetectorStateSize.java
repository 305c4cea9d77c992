package dev.cadet.benchmarks;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.Detector;
import dev.cadet.detectors.Detectors;
import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Command;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Mfa;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.Source;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Heap held by the built-in detectors per active principal: N principals that each hold state in all
 * three detectors at once (a failed sign-in, keyed by principal and by address; an IAM change with a new
 * access key; a command in the current hour), all within one hour so that nothing is evicted. Prints the
 * detectors' retained heap (events not counted) and the size of the events themselves.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.cadet.benchmarks.DetectorStateSize [PRINCIPALS]
 * </pre>
 */
public final class DetectorStateSize {

    private DetectorStateSize() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long start = 1_772_409_600_000L;
        Origin origin = new Origin("bench.json", 1, 0, 0);
        CloudScope scope = new CloudScope("111122223333", "us-east-1");
        List<CloudEvent> events = new ArrayList<>(3 * n);
        for (int i = 0; i < n; i++) {
            String principal = "arn:aws:iam::111122223333:user/u" + i;
            Actor actor = new Actor(principal, PrincipalType.USER, "u" + i, "111122223333", "AKIA" + i, Mfa.UNKNOWN,
                    null, null);
            Source source = new Source("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), null, null,
                    null, null);
            long t = start + i * 1000L / Math.max(1, n / 1000); // all inside about 17 minutes
            events.add(new CloudEvent(Provider.AWS, "f" + i, t, EventKind.AUTHENTICATION, "signin:ConsoleLogin",
                    Outcome.FAILURE, null, "Failed authentication", actor, source, List.of(), null, null, scope, null,
                    origin));
            events.add(new CloudEvent(Provider.AWS, "k" + i, t + 1, EventKind.CREDENTIAL_CHANGE, "iam:CreateAccessKey",
                    Outcome.SUCCESS, null, null, actor, source, List.of("AKIANEW" + i), principal, null, scope, null,
                    origin));
            events.add(new CloudEvent(Provider.AWS, "c" + i, t + 2, EventKind.COMMAND_EXECUTION, "ssm:SendCommand",
                    Outcome.SUCCESS, null, null, actor, source, List.of("i-0" + i), null,
                    new Command("AWS-RunShellScript", List.of(), "cmd" + i, null), scope, null, origin));
        }
        events.sort(Comparator.comparingLong(CloudEvent::time));
        long before = usedAfterGc();
        List<Detector> detectors = Detectors.builtIn(DetectionConfig.defaults());
        List<Finding> findings = new ArrayList<>();
        for (CloudEvent e : events) {
            for (Detector d : detectors) {
                d.onEvent(e, findings::add);
            }
        }
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "%,d active principals: detector state %.0f MB, %.0f bytes per principal"
                        + " (events not counted); events %.0f MB, %.0f bytes each; %d findings so far%n", n,
                (after - before) / 1e6, (after - before) / (double) n, before / 1e6, before / (3.0 * n), findings.size());
        for (Detector d : detectors) {
            System.out.println("  " + d.id() + " " + d.counters());
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
