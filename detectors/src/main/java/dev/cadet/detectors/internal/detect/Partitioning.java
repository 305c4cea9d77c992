package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.internal.Events;
import dev.cadet.model.CloudEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the built-in detectors split by key, for a host that runs each key's state on its own (Flink keyed
 * state, or several machines). Every detector keeps its state per key already; this names, for each key
 * kind, the events a key needs and the detectors that run on them, so that what a key's detectors
 * conclude rests on that key's events alone and the union over all keys equals one detector of each
 * kind over all events.
 *
 * <p>Keys: {@code principal:<canonical principal>} (most detectors, and IAM changes made for the
 * principal by someone else), {@code source:<address>} (failures then success by address, and refused
 * commands that name nobody), {@code account:<account>} (account-wide command spikes) and
 * {@code target:<machine>} (startup-script swaps).
 */
public final class Partitioning {

    public static final String PRINCIPAL = "principal:";
    public static final String SOURCE = "source:";
    public static final String ACCOUNT = "account:";
    public static final String TARGET = "target:";

    private Partitioning() {
    }

    /** Whose events of a key a detector takes. */
    public enum Whose {
        /** The events of the key's principal. */
        OWN,
        /** Those, and IAM changes made for the principal by someone else. */
        OWN_OR_SUBJECT,
        /** Every event of the key. */
        ANY,
        /** Events that name no known principal. */
        NOBODY
    }

    /**
     * One detector of a key: how to make it for the key's value (the key without its kind), whose of the
     * key's events it takes, and which of those can change its state, so that most events make no
     * detector at all.
     */
    public record Slot(Function<String, AbstractDetector> factory, Whose whose, Predicate<CloudEvent> concerns) {

        /** Whether the detector takes the event; {@code own}: the event is by the key's principal. */
        public boolean takes(boolean own, String value, CloudEvent e) {
            boolean whose = switch (this.whose) {
                case OWN -> own;
                case OWN_OR_SUBJECT -> own || value.equals(e.subject());
                case ANY -> true;
                case NOBODY -> !Events.isKnownPrincipal(e.principal());
            };
            return whose && concerns.test(e);
        }
    }

    /** The detectors of each key kind, made once per scan from its parts. */
    public static final class Plan {
        private final List<Slot> principal;
        private final List<Slot> knownPrincipal;
        private final List<Slot> source;
        private final List<Slot> account;
        private final List<Slot> target;

        public Plan(Parts p) {
            Slot execution = new Slot(k -> new CommandExecutionDetector(p.fanOutThreshold()), Whose.OWN,
                    CommandExecutionDetector::concerns);
            Slot failures = new Slot(k -> new FailedThenSuccessDetector(p.failedThenSuccessThreshold(),
                    p.failedThenSuccessWindow(), true, false), Whose.OWN, FailedThenSuccessDetector::concerns);
            // IAM changes made for the principal by someone else come to its key too.
            Slot iam = new Slot(k -> new IamThenCommandDetector(p.iamThenCommandWindow()), Whose.OWN_OR_SUBJECT,
                    IamThenCommandDetector::concerns);
            Slot suspicious = new Slot(k -> new SuspiciousCommandDetector(p.commandPatterns()), Whose.OWN,
                    SuspiciousCommandDetector::concerns);
            Slot ioc = new Slot(k -> new IocMatchDetector(p.iocAddresses(), p.iocDomains()), Whose.OWN, e -> true);
            Slot rare = new Slot(k -> new RareCommandDetector(p.history(), p.approvedDocuments()), Whose.OWN,
                    RareCommandDetector::concerns);
            Slot unknown = new Slot(k -> new UnknownSourceDetector(p.history(), p.approvedSources()), Whose.OWN,
                    UnknownSourceDetector::concerns);
            Slot geo = new Slot(k -> new GeoAnomalyDetector(p.travelSpeedKmh()), Whose.OWN,
                    GeoAnomalyDetector::concerns);
            Slot spike = new Slot(k -> new CommandSpikeDetector(p.history(), p.spikeFloor(), p.spikeRatio(),
                    p.fanOutThreshold(), true, false), Whose.OWN, CommandSpikeDetector::concerns);
            Slot login = new Slot(k -> new LoginAnomalyDetector(p.history(), p.approvedSources(),
                    p.loginAnomalyWindow()), Whose.OWN, LoginAnomalyDetector::concerns);
            Slot denied = new Slot(k -> new DeniedCommandBurstDetector(p.deniedBurstThreshold(), p.deniedBurstWindow()),
                    Whose.OWN, DeniedCommandBurstDetector::concerns);
            Slot instance = new Slot(k -> new CommandFromInstanceDetector(), Whose.OWN,
                    CommandFromInstanceDetector::concerns);
            boolean indicators = !p.iocAddresses().isEmpty() || !p.iocDomains().isEmpty();
            List<Slot> all = new ArrayList<>(List.of(execution, failures, iam, suspicious, ioc, rare, unknown, geo,
                    spike, login, denied, instance));
            if (!indicators) {
                all.remove(ioc);
            }
            knownPrincipal = List.copyOf(all);
            // A principal the log does not name is judged by address: failures and refusals go to source keys.
            all.remove(failures);
            all.remove(denied);
            principal = List.copyOf(all);
            source = List.of(
                    new Slot(k -> new FailedThenSuccessDetector(p.failedThenSuccessThreshold(),
                            p.failedThenSuccessWindow(), false, true), Whose.ANY, FailedThenSuccessDetector::concerns),
                    new Slot(k -> new DeniedCommandBurstDetector(p.deniedBurstThreshold(), p.deniedBurstWindow()),
                            Whose.NOBODY, DeniedCommandBurstDetector::concerns));
            account = List.of(new Slot(k -> new CommandSpikeDetector(p.history(), p.spikeFloor(), p.spikeRatio(),
                    p.fanOutThreshold(), false, true), Whose.ANY, CommandSpikeDetector::concerns));
            target = List.of(new Slot(k -> new UserDataSwapDetector(p.userDataSwapWindow(), k), Whose.ANY,
                    UserDataSwapDetector::concerns));
        }

        /** The detectors of a key from {@link #keysOf}. */
        public List<Slot> slots(String key) {
            if (key.startsWith(PRINCIPAL)) {
                return Events.isKnownPrincipal(valueOf(key)) ? knownPrincipal : principal;
            }
            if (key.startsWith(SOURCE)) {
                return source;
            }
            if (key.startsWith(ACCOUNT)) {
                return account;
            }
            if (key.startsWith(TARGET)) {
                return target;
            }
            throw new IllegalArgumentException("not a partition key: " + key);
        }
    }

    /** The key without its kind: the principal, address, account or machine. */
    public static String valueOf(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    /** The keys an event goes to; an event may go to several. */
    public static void keysOf(CloudEvent e, Consumer<String> out) {
        String principal = e.principal();
        out.accept(PRINCIPAL + principal);
        String subject = e.subject();
        if (IamThenCommandDetector.isIamChange(e) && Events.isKnownPrincipal(subject) && !subject.equals(principal)) {
            out.accept(PRINCIPAL + subject);
        }
        String ip = e.source().ip();
        if (ip != null && (FailedThenSuccessDetector.isFailure(e) || FailedThenSuccessDetector.isSuccess(e)
                || (DeniedCommandBurstDetector.isDenied(e) && !Events.isKnownPrincipal(principal)))) {
            out.accept(SOURCE + ip);
        }
        if (e.cloud().account() != null && e.kind().runsOnMachine()) {
            out.accept(ACCOUNT + e.cloud().account());
        }
        if (UserDataSwapDetector.step(e) != null) {
            List<String> seen = new ArrayList<>(e.targets().size());
            for (String t : e.targets()) {
                if (!seen.contains(t)) {
                    seen.add(t);
                    out.accept(TARGET + t);
                }
            }
        }
    }
}
