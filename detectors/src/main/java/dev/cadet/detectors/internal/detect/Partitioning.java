package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.internal.Events;
import dev.cadet.model.CloudEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

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

    /** One detector of a key: how to make it, and which of the key's events it takes. */
    public record Slot(Supplier<AbstractDetector> factory, Predicate<CloudEvent> takes) {
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

    /** The detectors of one key, in the order of {@link Parts#all()}; the key must come from {@link #keysOf}. */
    public static List<Slot> slots(String key, Parts p) {
        if (key.startsWith(PRINCIPAL)) {
            String principal = key.substring(PRINCIPAL.length());
            Predicate<CloudEvent> own = e -> principal.equals(e.principal());
            boolean known = Events.isKnownPrincipal(principal);
            List<Slot> slots = new ArrayList<>(12);
            slots.add(new Slot(() -> new CommandExecutionDetector(p.fanOutThreshold()), own));
            if (known) {
                slots.add(new Slot(() -> new FailedThenSuccessDetector(p.failedThenSuccessThreshold(),
                        p.failedThenSuccessWindow(), true, false), own));
            }
            slots.add(new Slot(() -> new IamThenCommandDetector(p.iamThenCommandWindow()),
                    e -> principal.equals(e.principal()) || principal.equals(e.subject())));
            slots.add(new Slot(() -> new SuspiciousCommandDetector(p.commandPatterns()), own));
            slots.add(new Slot(() -> new IocMatchDetector(p.iocAddresses(), p.iocDomains()), own));
            slots.add(new Slot(() -> new RareCommandDetector(p.history(), p.approvedDocuments()), own));
            slots.add(new Slot(() -> new UnknownSourceDetector(p.history(), p.approvedSources()), own));
            slots.add(new Slot(() -> new GeoAnomalyDetector(p.travelSpeedKmh()), own));
            slots.add(new Slot(() -> new CommandSpikeDetector(p.history(), p.spikeFloor(), p.spikeRatio(),
                    p.fanOutThreshold(), true, false), own));
            slots.add(new Slot(() -> new LoginAnomalyDetector(p.history(), p.approvedSources(),
                    p.loginAnomalyWindow()), own));
            if (known) {
                slots.add(new Slot(() -> new DeniedCommandBurstDetector(p.deniedBurstThreshold(),
                        p.deniedBurstWindow()), own));
            }
            slots.add(new Slot(CommandFromInstanceDetector::new, own));
            return slots;
        }
        if (key.startsWith(SOURCE)) {
            return List.of(
                    new Slot(() -> new FailedThenSuccessDetector(p.failedThenSuccessThreshold(),
                            p.failedThenSuccessWindow(), false, true), e -> true),
                    new Slot(() -> new DeniedCommandBurstDetector(p.deniedBurstThreshold(), p.deniedBurstWindow()),
                            e -> !Events.isKnownPrincipal(e.principal())));
        }
        if (key.startsWith(ACCOUNT)) {
            return List.of(new Slot(() -> new CommandSpikeDetector(p.history(), p.spikeFloor(), p.spikeRatio(),
                    p.fanOutThreshold(), false, true), e -> true));
        }
        if (key.startsWith(TARGET)) {
            String target = key.substring(TARGET.length());
            return List.of(new Slot(() -> new UserDataSwapDetector(p.userDataSwapWindow(), target), e -> true));
        }
        throw new IllegalArgumentException("not a partition key: " + key);
    }
}
