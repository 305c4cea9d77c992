package dev.cadet.detectors.internal;

import java.io.Serializable;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Outcome;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is normal, per principal: the networks and countries it came from, the operations (documents,
 * or the API action when there is no document) it ran on machines, the machines it reached and its
 * peak command rate; per target the documents run on it; per account the peak command rate. The
 * novelty detectors of one scan share one instance and only read it once learning is over, so their
 * answers do not depend on the order in which they see an event.
 *
 * <p>Three ways to get one: loaded from a stored baseline; learned from the first part of the scanned
 * events ({@link #learning}), after which it is frozen; or none, when the novelty checks cannot run.
 * Learning takes successful (or unfinished) events only: a refused call teaches nothing about what
 * the principal normally does. {@link #observe} is idempotent per event, so every detector that needs
 * the history may call it first thing for each event.
 */
public final class History implements Serializable {

    /** Where the history comes from. */
    public enum Mode { STORED, LEARNING, NONE }

    private final Mode mode;
    private final long period;
    private final Map<String, Profile> principals = new HashMap<>();
    private final Map<String, Set<String>> documentsByTarget = new HashMap<>();
    private final Map<String, Rate> accounts = new HashMap<>();
    private final OncePerOperation once = new OncePerOperation();
    private long from = Long.MIN_VALUE;
    private long until = Long.MIN_VALUE;
    private long learned;
    private boolean frozen;
    private CloudEvent last;

    private History(Mode mode, long period) {
        this.mode = mode;
        this.period = period;
    }

    /** No history: the novelty checks say they could not run. */
    public static History none() {
        History h = new History(Mode.NONE, 0);
        h.frozen = true;
        return h;
    }

    /** Learns from events in {@code [first event, first event + period)}, then freezes. */
    public static History learning(long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("learning period must be > 0, was " + periodMillis + "ms");
        }
        return new History(Mode.LEARNING, periodMillis);
    }

    /** Learns from every event until {@link #freeze()}: what {@code cadet baseline learn} does. */
    public static History learningAll() {
        return new History(Mode.LEARNING, Long.MAX_VALUE);
    }

    /** A history to fill from a stored baseline covering {@code [from, until)}. */
    public static Loader stored(long from, long until) {
        if (until < from) {
            throw new IllegalArgumentException("baseline period ends (" + Times.iso(until) + ") before it starts ("
                    + Times.iso(from) + ")");
        }
        History h = new History(Mode.STORED, 0);
        h.from = from;
        h.until = until;
        h.frozen = true;
        return new Loader(h);
    }

    /** The operation a command event ran: its document or script name, else its API action. */
    public static String operation(CloudEvent e) {
        return e.command() != null && e.command().document() != null ? e.command().document() : e.action();
    }

    public Mode mode() {
        return mode;
    }

    /** Learns from the event while learning; call it for every event, in time order. */
    public void observe(CloudEvent e) {
        if (e == last || mode != Mode.LEARNING) {
            return;
        }
        last = e;
        if (from == Long.MIN_VALUE) {
            from = e.time();
            until = period == Long.MAX_VALUE ? Long.MAX_VALUE : Times.plus(e.time(), period);
        }
        if (frozen) {
            return;
        }
        if (e.time() >= until) {
            freeze();
            return;
        }
        learn(e);
    }

    private void learn(CloudEvent e) {
        if (e.outcome() == Outcome.FAILURE || !Events.isKnownPrincipal(e.principal())) {
            return;
        }
        learned++;
        Profile p = principals.get(e.principal());
        if (p == null) {
            p = new Profile();
            principals.put(e.principal(), p);
        }
        p.events++;
        long network = Networks.key(e.source().ip());
        if (network >= 0) {
            p.network(network);
        }
        if (e.source().country() != null) {
            p.countries().add(e.source().country());
        }
        if (!e.kind().runsOnMachine() || !once.first(e)) {
            return;
        }
        String op = operation(e);
        p.operations().add(op);
        p.commands++;
        long hour = Math.floorDiv(e.time(), Times.HOUR) * Times.HOUR;
        if (p.hourly == null) {
            p.hourly = new LongIntHashMap();
            p.hourlyTargets = new LongObjectHashMap<>();
        }
        p.hourly.addToValue(hour, 1);
        Set<String> reached = p.hourlyTargets.getIfAbsentPut(hour, HashSet::new);
        for (String t : e.targets()) {
            p.targets().add(t);
            reached.add(t);
            documentsByTarget.computeIfAbsent(t, k -> new HashSet<>()).add(op);
        }
        if (e.cloud().account() != null) {
            Rate a = accounts.computeIfAbsent(e.cloud().account(), k -> new Rate());
            a.commands++;
            a.hourly.addToValue(hour, 1);
        }
    }

    /** Ends learning: peaks are computed and the hourly counts dropped. Idempotent. */
    public void freeze() {
        if (frozen) {
            return;
        }
        frozen = true;
        once.clear();
        if (from != Long.MIN_VALUE && period == Long.MAX_VALUE && last != null) {
            until = Times.plus(last.time(), 1);
        }
        for (Profile p : principals.values()) {
            if (p.hourly != null) {
                p.peakCommands = Math.max(p.peakCommands, p.hourly.isEmpty() ? 0 : p.hourly.values().max());
                for (Set<String> reached : p.hourlyTargets.values()) {
                    p.peakTargets = Math.max(p.peakTargets, reached.size());
                }
                p.hourly = null;
                p.hourlyTargets = null;
            }
        }
        for (Rate a : accounts.values()) {
            a.peak = Math.max(a.peak, a.hourly.isEmpty() ? 0 : a.hourly.values().max());
            a.hourly = null;
        }
    }

    /** True when an event at {@code time} is judged against the history (there is one, and learning is over). */
    public boolean judging(long time) {
        return switch (mode) {
            case NONE -> false;
            case STORED -> true;
            case LEARNING -> from != Long.MIN_VALUE && time >= until;
        };
    }

    /** True while an event at {@code time} still teaches the history. */
    public boolean learningAt(long time) {
        return mode == Mode.LEARNING && (from == Long.MIN_VALUE || time < until);
    }

    public boolean knowsPrincipal(String principal) {
        return principals.containsKey(principal);
    }

    /** True when the principal came from the network (/24, /48) of {@code ip} before. */
    public boolean knowsNetwork(String principal, String ip) {
        Profile p = principals.get(principal);
        if (p == null || p.networks == null) {
            return false;
        }
        long key = Networks.key(ip);
        return key >= 0 && p.networks.contains(key);
    }

    public boolean knowsCountry(String principal, String country) {
        Profile p = principals.get(principal);
        return p != null && p.countries != null && p.countries.contains(country);
    }

    /** The principal's countries, sorted; empty when unknown. */
    public Set<String> countries(String principal) {
        Profile p = principals.get(principal);
        return p == null || p.countries == null ? Set.of() : new TreeSet<>(p.countries);
    }

    public boolean knowsOperation(String principal, String operation) {
        Profile p = principals.get(principal);
        return p != null && p.operations != null && p.operations.contains(operation);
    }

    /** True when the principal ran commands at all. */
    public boolean ranCommands(String principal) {
        Profile p = principals.get(principal);
        return p != null && p.commands > 0;
    }

    public boolean targetRan(String target, String operation) {
        Set<String> ops = documentsByTarget.get(target);
        return ops != null && ops.contains(operation);
    }

    public boolean knowsTarget(String target) {
        return documentsByTarget.containsKey(target);
    }

    /** Most commands the principal ran in one hour; 0 when it ran none. */
    public int peakCommands(String principal) {
        Profile p = principals.get(principal);
        return p == null ? 0 : p.peakCommands;
    }

    /** Most distinct targets the principal reached in one hour. */
    public int peakTargets(String principal) {
        Profile p = principals.get(principal);
        return p == null ? 0 : p.peakTargets;
    }

    public int accountPeak(String account) {
        Rate a = accounts.get(account);
        return a == null ? 0 : a.peak;
    }

    /** Start of the period the history covers (first learned event), or {@link Long#MIN_VALUE} before any. */
    public long from() {
        return from;
    }

    /** End (exclusive) of the period the history covers. */
    public long until() {
        return until;
    }

    public int principalCount() {
        return principals.size();
    }

    /** Events learned from. */
    public long learned() {
        return learned;
    }

    /** The principals with a history, sorted. */
    public List<String> principals() {
        return new ArrayList<>(new TreeSet<>(principals.keySet()));
    }

    /** One principal's history in plain values, for a baseline file; call after {@link #freeze()}. */
    public PrincipalData principal(String principal) {
        Profile p = principals.get(principal);
        List<String> networks = new ArrayList<>();
        if (p.networks != null) {
            p.networks.forEach(k -> networks.add(Networks.cidr(k)));
        }
        networks.sort(null);
        return new PrincipalData(principal, networks, sorted(p.countries), sorted(p.operations), sorted(p.targets),
                p.peakCommands, p.peakTargets, p.commands, p.events);
    }

    private static List<String> sorted(Set<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(new TreeSet<>(values));
    }

    /** Per target, the operations run on it, sorted by target. */
    public Map<String, List<String>> documentsByTarget() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        documentsByTarget.forEach((t, ops) -> out.put(t, new ArrayList<>(new TreeSet<>(ops))));
        return out;
    }

    /** Per account: {peak commands per hour, commands}, sorted by account. */
    public Map<String, long[]> accounts() {
        Map<String, long[]> out = new java.util.TreeMap<>();
        accounts.forEach((a, r) -> out.put(a, new long[] {r.peak, r.commands}));
        return out;
    }

    /** One principal's history as plain values. */
    public record PrincipalData(String principal, List<String> networks, List<String> countries,
                                List<String> operations, List<String> targets, int peakCommandsPerHour,
                                int peakTargetsPerHour, long commands, long events) implements Serializable {
    }

    /** Fills a stored history; every network must be written as {@link Networks#cidr} writes it. */
    public static final class Loader implements Serializable {
        private final History h;

        private Loader(History h) {
            this.h = h;
        }

        public Loader principal(PrincipalData d) {
            Profile p = new Profile();
            for (String n : d.networks()) {
                long key = Networks.parseCidr(n);
                if (key < 0) {
                    throw new IllegalArgumentException("principal " + d.principal() + ": network '" + n
                            + "' is not an IPv4 /24 or IPv6 /48 block");
                }
                p.network(key);
            }
            p.countries().addAll(d.countries());
            p.operations().addAll(d.operations());
            p.targets().addAll(d.targets());
            p.peakCommands = d.peakCommandsPerHour();
            p.peakTargets = d.peakTargetsPerHour();
            p.commands = d.commands();
            p.events = d.events();
            h.principals.put(d.principal(), p);
            return this;
        }

        public Loader target(String target, Collection<String> operations) {
            h.documentsByTarget.computeIfAbsent(target, k -> new HashSet<>()).addAll(operations);
            return this;
        }

        public Loader account(String account, int peakCommandsPerHour, long commands) {
            Rate r = new Rate();
            r.peak = peakCommandsPerHour;
            r.commands = commands;
            r.hourly = null;
            h.accounts.put(account, r);
            return this;
        }

        public History build() {
            return h;
        }
    }

    /** One principal's history; its sets are made on first use, as most principals never run a command. */
    private static final class Profile implements Serializable {
        LongHashSet networks;
        Set<String> countries;
        Set<String> operations;
        Set<String> targets;
        /** Per hour while learning: commands and machines reached; dropped when frozen. */
        LongIntHashMap hourly;
        LongObjectHashMap<Set<String>> hourlyTargets;
        int peakCommands;
        int peakTargets;
        long commands;
        long events;
        long lastNetwork = -1;

        void network(long key) {
            // Most principals keep one address: skip the set (another cache miss) when it repeats.
            if (key == lastNetwork) {
                return;
            }
            lastNetwork = key;
            if (networks == null) {
                networks = new LongHashSet(2);
            }
            networks.add(key);
        }

        Set<String> countries() {
            if (countries == null) {
                countries = new HashSet<>(2);
            }
            return countries;
        }

        Set<String> operations() {
            if (operations == null) {
                operations = new HashSet<>(4);
            }
            return operations;
        }

        Set<String> targets() {
            if (targets == null) {
                targets = new HashSet<>(4);
            }
            return targets;
        }
    }

    private static final class Rate implements Serializable {
        LongIntHashMap hourly = new LongIntHashMap();
        int peak;
        long commands;
    }
}
