package dev.cadet.flink.bench;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.DetectorPartition;
import dev.cadet.detectors.KeyedDetection;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes of Flink keyed state per active principal: the same load as the benchmarks' {@code DetectorStateSize}
 * (each principal fails a sign-in from its own address, gets a new access key and runs a command, all
 * inside about 17 minutes), pushed into the partitions of their keys, the watermark moved just past the
 * last event (the detectors hold their windows, the reorder buffers are empty, the event ids of the
 * lateness window are remembered), then every partition snapshotted as the job stores it.
 *
 * <pre>
 * java -Xmx8g -cp "flink/target/test-classes:flink/target/classes:$(cat /tmp/cp.txt)" \
 *     dev.cadet.flink.bench.StateSize 1000000
 * </pre>
 */
public final class StateSize {

    private StateSize() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        KeyedDetection detection = KeyedDetection.create(DetectionConfig.builder().learningPeriod(Duration.ZERO).build());
        long start = 1_772_409_600_000L;
        Origin origin = new Origin("bench.json", 1, 0, 0);
        CloudScope scope = new CloudScope("111122223333", "us-east-1");
        Map<String, DetectorPartition> partitions = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        long last = start;
        for (int i = 0; i < n; i++) {
            String principal = "arn:aws:iam::111122223333:user/u" + i;
            Actor actor = new Actor(principal, PrincipalType.USER, "u" + i, "111122223333", "AKIA" + i, Mfa.UNKNOWN,
                    null, null);
            Source source = new Source("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), null, null,
                    null, null);
            long t = start + i * 1000L / Math.max(1, n / 1000);
            last = t + 2;
            List<CloudEvent> events = List.of(
                    new CloudEvent(Provider.AWS, "f" + i, t, EventKind.AUTHENTICATION, "signin:ConsoleLogin",
                            Outcome.FAILURE, null, "Failed authentication", actor, source, List.of(), null, null, scope,
                            null, origin),
                    new CloudEvent(Provider.AWS, "k" + i, t + 1, EventKind.CREDENTIAL_CHANGE, "iam:CreateAccessKey",
                            Outcome.SUCCESS, null, null, actor, source, List.of("AKIANEW" + i), principal, null, scope,
                            null, origin),
                    new CloudEvent(Provider.AWS, "c" + i, t + 2, EventKind.COMMAND_EXECUTION, "ssm:SendCommand",
                            Outcome.SUCCESS, null, null, actor, source, List.of("i-0" + i), null,
                            new Command("AWS-RunShellScript", List.of(), "cmd" + i, null), scope, null, origin));
            for (CloudEvent e : events) {
                for (String key : detection.keysOf(e)) {
                    partitions.computeIfAbsent(key, detection::newPartition).push(e, Long.MIN_VALUE);
                }
            }
        }
        Map<String, long[]> byKind = new TreeMap<>();
        long total = 0;
        for (DetectorPartition p : partitions.values()) {
            p.advance(last + 1, findings::add);
            if (p.isEmpty()) {
                continue;
            }
            int bytes = detection.snapshot(p).length;
            total += bytes;
            long[] k = byKind.computeIfAbsent(p.key().substring(0, p.key().indexOf(':')), x -> new long[2]);
            k[0]++;
            k[1] += bytes;
        }
        System.out.printf(Locale.ROOT, "%,d active principals: %,d partitions hold state, %,d bytes of keyed state,"
                + " %.0f bytes per principal; %d findings so far%n", n, byKind.values().stream().mapToLong(k -> k[0]).sum(),
                total, total / (double) n, findings.size());
        byKind.forEach((kind, k) -> System.out.printf(Locale.ROOT, "  %s: %,d partitions, %.0f bytes each%n", kind, k[0],
                k[1] / (double) k[0]));
    }
}
