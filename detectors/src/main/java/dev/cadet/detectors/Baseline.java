package dev.cadet.detectors;

import java.io.Serializable;
import dev.cadet.detectors.internal.History;
import dev.cadet.model.CloudEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What was normal in a period of logs, learned per principal, target and account: the history the
 * novelty detectors ({@code rare-command}, {@code unknown-source}, {@code command-spike},
 * {@code login-anomaly}) judge a scan against. Learn one with {@link #learner()}, store it (the command
 * line writes it as JSON) and give it to {@link DetectionConfig.Builder#baseline}. Immutable.
 *
 * @param from       first event time learned from, epoch millis
 * @param until      end of the learned period, epoch millis, exclusive
 * @param events     events learned from
 * @param principals per principal, sorted by principal
 * @param targets    per target machine, the operations (documents, else API actions) run on it, sorted
 * @param accounts   per account, sorted by account
 */
public record Baseline(long from, long until, long events, List<PrincipalHistory> principals,
                       Map<String, List<String>> targets, List<AccountHistory> accounts) implements Serializable {

    /**
     * One principal's history.
     *
     * @param principal           canonical principal id
     * @param networks            networks it came from: IPv4 {@code a.b.c.0/24}, IPv6 {@code x:y:z::/48}, sorted
     * @param countries           ISO countries it came from, sorted
     * @param operations          operations it ran on machines (documents, else API actions), sorted
     * @param targets             machines it reached, sorted
     * @param peakCommandsPerHour most commands it ran in one hour
     * @param peakTargetsPerHour  most distinct machines it reached in one hour
     * @param commands            commands it ran in all (multi-record operations once)
     * @param events              events of it learned from
     */
    public record PrincipalHistory(String principal, List<String> networks, List<String> countries,
                                   List<String> operations, List<String> targets, int peakCommandsPerHour,
                                   int peakTargetsPerHour, long commands, long events) implements Serializable {

        public PrincipalHistory {
            Objects.requireNonNull(principal, "principal");
            networks = List.copyOf(networks);
            countries = List.copyOf(countries);
            operations = List.copyOf(operations);
            targets = List.copyOf(targets);
            if (peakCommandsPerHour < 0 || peakTargetsPerHour < 0 || commands < 0 || events < 0) {
                throw new IllegalArgumentException("principal " + principal + ": counts must be >= 0");
            }
        }
    }

    /**
     * One account's command rate.
     *
     * @param account             account, subscription or project
     * @param peakCommandsPerHour most commands run in it in one hour
     * @param commands            commands in all
     */
    public record AccountHistory(String account, int peakCommandsPerHour, long commands) implements Serializable {

        public AccountHistory {
            Objects.requireNonNull(account, "account");
            if (peakCommandsPerHour < 0 || commands < 0) {
                throw new IllegalArgumentException("account " + account + ": counts must be >= 0");
            }
        }
    }

    public Baseline {
        if (until < from) {
            throw new IllegalArgumentException("baseline until (" + until + ") is before from (" + from + ")");
        }
        principals = List.copyOf(principals);
        TreeMap<String, List<String>> t = new TreeMap<>();
        targets.forEach((k, v) -> t.put(k, List.copyOf(v)));
        targets = Collections.unmodifiableMap(t);
        accounts = List.copyOf(accounts);
        // Validate the networks now, so that a bad file fails where it is read, not mid-scan.
        history(from, until, principals, targets, accounts);
    }

    /** A learner: add events in time order, then {@link Learner#build()}. */
    public static Learner learner() {
        return new Learner();
    }

    /** The mutable history the detectors read, filled from this baseline. */
    History toHistory() {
        return history(from, until, principals, targets, accounts);
    }

    private static History history(long from, long until, List<PrincipalHistory> principals,
                                   Map<String, List<String>> targets, List<AccountHistory> accounts) {
        History.Loader loader = History.stored(from, until);
        for (PrincipalHistory p : principals) {
            loader.principal(new History.PrincipalData(p.principal(), p.networks(), p.countries(), p.operations(),
                    p.targets(), p.peakCommandsPerHour(), p.peakTargetsPerHour(), p.commands(), p.events()));
        }
        targets.forEach(loader::target);
        for (AccountHistory a : accounts) {
            loader.account(a.account(), a.peakCommandsPerHour(), a.commands());
        }
        return loader.build();
    }

    /** Learns a {@link Baseline} from events given in time order. Single-threaded; one use. */
    public static final class Learner {

        private final History history = History.learningAll();
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;
        private long events;

        private Learner() {
        }

        public Learner add(CloudEvent event) {
            Objects.requireNonNull(event, "event");
            history.observe(event);
            first = Math.min(first, event.time());
            last = Math.max(last, event.time());
            events++;
            return this;
        }

        /** The baseline of every event added; an empty one (period 0..0) when none was. */
        public Baseline build() {
            history.freeze();
            List<PrincipalHistory> principals = new ArrayList<>();
            for (String p : history.principals()) {
                History.PrincipalData d = history.principal(p);
                principals.add(new PrincipalHistory(d.principal(), d.networks(), d.countries(), d.operations(),
                        d.targets(), d.peakCommandsPerHour(), d.peakTargetsPerHour(), d.commands(), d.events()));
            }
            List<AccountHistory> accounts = new ArrayList<>();
            history.accounts().forEach((a, v) -> accounts.add(new AccountHistory(a, (int) v[0], v[1])));
            return events == 0 ? new Baseline(0, 0, 0, List.of(), Map.of(), List.of())
                    : new Baseline(first, last + 1, events, principals, history.documentsByTarget(), accounts);
        }
    }
}
