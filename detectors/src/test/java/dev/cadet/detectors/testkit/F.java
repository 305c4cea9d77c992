package dev.cadet.detectors.testkit;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Severity;

import java.util.List;

/** Hand-made findings for correlator and policy tests. */
public final class F {

    private F() {
    }

    public static Finding of(String id, String detector, String principal, String key, String ip, long first, long last,
                             CloudEvent... evidence) {
        List<CloudEvent> ev = evidence.length > 0 ? List.of(evidence)
                : List.of(E.command(principal).at(first).key(key).ip(ip).build());
        return new Finding(id, detector, Severity.LOW, first, last, ev.get(0).provider(), principal, key, ip,
                ev.get(0).action(), List.of(), "test finding", ev);
    }

    /** A finding whose only evidence is {@code event}, with the event's principal, key and address. */
    public static Finding from(String id, String detector, CloudEvent... evidence) {
        CloudEvent head = evidence[0];
        CloudEvent tail = evidence[evidence.length - 1];
        return new Finding(id, detector, Severity.LOW, head.time(), tail.time(), head.provider(), tail.principal(),
                tail.actor().accessKeyId(), tail.source().ip(), tail.action(), tail.targets(), "test finding",
                List.of(evidence));
    }
}
