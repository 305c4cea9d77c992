package dev.cadet.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What one detector saw, with the events that prove it.
 *
 * @param id          stable id ({@code F-0001}) assigned once all findings of a scan are known and
 *                    sorted, so it does not depend on input order; {@code null} until then
 * @param detector    detector id, for example {@code failed-then-success}
 * @param severity    how urgent this finding is on its own
 * @param firstSeen   time of the earliest evidence event, epoch millis
 * @param lastSeen    time of the latest evidence event, epoch millis
 * @param provider    provider of the evidence
 * @param principal   canonical principal the finding is about
 * @param accessKeyId access key involved, or {@code null}
 * @param sourceIp    source address involved, or {@code null}
 * @param action      the operation that triggered it (for example {@code ssm:SendCommand})
 * @param targets     machines involved; may be empty
 * @param summary     one sentence for an analyst (may quote attacker-controlled names: escape on output)
 * @param evidence    the events behind it, in time order; each carries its {@link Origin}
 */
public record Finding(String id, String detector, Severity severity, long firstSeen, long lastSeen,
                      Provider provider, String principal, String accessKeyId, String sourceIp, String action,
                      List<String> targets, String summary, List<CloudEvent> evidence) implements Serializable {

    public Finding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(summary, "summary");
        targets = targets == null ? List.of() : List.copyOf(targets);
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a finding needs at least one evidence event: " + detector);
        }
        if (lastSeen < firstSeen) {
            throw new IllegalArgumentException("lastSeen " + lastSeen + " is before firstSeen " + firstSeen);
        }
    }

    /** This finding with its scan-wide id. */
    public Finding withId(String newId) {
        return new Finding(newId, detector, severity, firstSeen, lastSeen, provider, principal, accessKeyId,
                sourceIp, action, targets, summary, evidence);
    }
}
