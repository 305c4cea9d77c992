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
    private final Profiles principals = new Profiles();
    private final Map<String, Set<String>> documentsByTarget = new HashMap<>();
    private final Map<String, Rate> accounts = new HashMap<>();
    private final OncePerOperation once = new OncePerOperation();
    private long from = Long.MIN_VALUE;
    private long until = Long.MIN_VALUE;
    private long learned;
    private boolean frozen;
    private CloudEvent last;
    /**
     * Events observed and not yet learned from: learning goes a batch at a time, first every profile lookup
     * and then every update, so that the memory reads of different principals overlap instead of waiting
     * one after another. Everything that reads what was learned first learns the batch.
     */
    private transient CloudEvent[] pending;
    private transient Profile[] found;
    private transient int[] hashes;
    private transient int pendingSize;
    private static final int BATCH = 512;

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
        if (pending == null) {
            pending = new CloudEvent[BATCH];
            found = new Profile[BATCH];
            hashes = new int[BATCH];
        }
        pending[pendingSize++] = e;
        if (pendingSize == BATCH) {
            learnPending();
        }
    }

    /** Learns from the pending events, in the order they came. */
    private void learnPending() {
        int n = pendingSize;
        pendingSize = 0;
        // Passes that each read memory the one before made known: the principals (for their hashes), their
        // first slots, the profiles there (probing on when another principal's is there), then the updates.
        for (int i = 0; i < n; i++) {
            String principal = pending[i].principal();
            hashes[i] = principal == null ? 0 : principal.hashCode();
        }
        for (int i = 0; i < n; i++) {
            found[i] = principals.firstSlot(hashes[i]);
        }
        for (int i = 0; i < n; i++) {
            CloudEvent e = pending[i];
            Profile p = found[i];
            if (e.outcome() == Outcome.FAILURE || e.principal() == null) {
                found[i] = null;
            } else if (p != null && p.principal != e.principal()) {
                found[i] = principals.get(e.principal(), hashes[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            learn(pending[i], found[i]);
            pending[i] = null;
            found[i] = null;
        }
    }

    /** Learns whatever is pending; every method that reads what was learned calls this first. */
    private void catchUp() {
        if (pendingSize > 0) {
            learnPending();
        }
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        catchUp();
        out.defaultWriteObject();
    }

    /** {@code p}: the principal's profile when the batch's lookup found one. */
    private void learn(CloudEvent e, Profile p) {
        if (e.outcome() == Outcome.FAILURE) {
            return;
        }
        String principal = e.principal();
        if (p == null) {
            // Not found, or added by an earlier event of the batch. A principal in the table is known: only a
            // new one is checked, which reads its characters.
            p = principal == null ? null : principals.get(principal);
        }
        if (p == null) {
            if (!Events.isKnownPrincipal(principal)) {
                return;
            }
            p = principals.add(principal);
        }
        learned++;
        p.events++;
        String ip = e.source().ip();
        // The same address object as last time has the same network: no parse, and its characters stay unread.
        if (ip != p.lastIp) {
            p.lastIp = ip;
            long network = Networks.key(ip);
            if (network >= 0) {
                p.network(network);
            }
        }
        if (e.source().country() != null) {
            p.countries().add(e.source().country());
        }
        if (!e.kind().runsOnMachine() || !once.first(e)) {
            return;
        }
        String op = operation(e);
        Commands c = p.commands();
        c.operations.add(op);
        c.count++;
        long hour = Math.floorDiv(e.time(), Times.HOUR) * Times.HOUR;
        if (c.hourly == null) {
            c.hourly = new LongIntHashMap();
            c.hourlyTargets = new LongObjectHashMap<>();
        }
        c.hourly.addToValue(hour, 1);
        Set<String> reached = c.hourlyTargets.getIfAbsentPut(hour, HashSet::new);
        for (String t : e.targets()) {
            c.targets.add(t);
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
        catchUp();
        frozen = true;
        once.clear();
        if (from != Long.MIN_VALUE && period == Long.MAX_VALUE && last != null) {
            until = Times.plus(last.time(), 1);
        }
        for (Profile p : principals.slots) {
            Commands c = p == null ? null : p.commands;
            if (c != null && c.hourly != null) {
                c.peakCommands = Math.max(c.peakCommands, c.hourly.isEmpty() ? 0 : c.hourly.values().max());
                for (Set<String> reached : c.hourlyTargets.values()) {
                    c.peakTargets = Math.max(c.peakTargets, reached.size());
                }
                c.hourly = null;
                c.hourlyTargets = null;
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
        catchUp();
        return principals.get(principal) != null;
    }

    /** True when the principal came from the network (/24, /48) of {@code ip} before. */
    public boolean knowsNetwork(String principal, String ip) {
        catchUp();
        Profile p = principals.get(principal);
        if (p == null || p.network0 < 0) {
            return false;
        }
        long key = Networks.key(ip);
        return key >= 0 && p.knowsNetwork(key);
    }

    public boolean knowsCountry(String principal, String country) {
        catchUp();
        Profile p = principals.get(principal);
        return p != null && p.countries != null && p.countries.contains(country);
    }

    /** The principal's countries, sorted; empty when unknown. */
    public Set<String> countries(String principal) {
        catchUp();
        Profile p = principals.get(principal);
        return p == null || p.countries == null ? Set.of() : new TreeSet<>(p.countries);
    }

    public boolean knowsOperation(String principal, String operation) {
        catchUp();
        Profile p = principals.get(principal);
        return p != null && p.commands != null && p.commands.operations.contains(operation);
    }

    /** True when the principal ran commands at all. */
    public boolean ranCommands(String principal) {
        catchUp();
        Profile p = principals.get(principal);
        return p != null && p.commands != null && p.commands.count > 0;
    }

    public boolean targetRan(String target, String operation) {
        catchUp();
        Set<String> ops = documentsByTarget.get(target);
        return ops != null && ops.contains(operation);
    }

    public boolean knowsTarget(String target) {
        catchUp();
        return documentsByTarget.containsKey(target);
    }

    /** Most commands the principal ran in one hour; 0 when it ran none. */
    public int peakCommands(String principal) {
        catchUp();
        Profile p = principals.get(principal);
        return p == null || p.commands == null ? 0 : p.commands.peakCommands;
    }

    /** Most distinct targets the principal reached in one hour. */
    public int peakTargets(String principal) {
        catchUp();
        Profile p = principals.get(principal);
        return p == null || p.commands == null ? 0 : p.commands.peakTargets;
    }

    public int accountPeak(String account) {
        catchUp();
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
        catchUp();
        return principals.size;
    }

    /** Events learned from. */
    public long learned() {
        catchUp();
        return learned;
    }

    /** The principals with a history, sorted. */
    public List<String> principals() {
        catchUp();
        List<String> out = new ArrayList<>(principals.size);
        for (Profile p : principals.slots) {
            if (p != null) {
                out.add(p.principal);
            }
        }
        out.sort(null);
        return out;
    }

    /** One principal's history in plain values, for a baseline file; call after {@link #freeze()}. */
    public PrincipalData principal(String principal) {
        catchUp();
        Profile p = principals.get(principal);
        List<String> networks = new ArrayList<>();
        if (p.network0 >= 0) {
            networks.add(Networks.cidr(p.network0));
        }
        if (p.moreNetworks != null) {
            p.moreNetworks.forEach(k -> networks.add(Networks.cidr(k)));
        }
        networks.sort(null);
        Commands c = p.commands == null ? new Commands() : p.commands;
        return new PrincipalData(principal, networks, sorted(p.countries), sorted(c.operations), sorted(c.targets),
                c.peakCommands, c.peakTargets, c.count, p.events);
    }

    private static List<String> sorted(Set<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(new TreeSet<>(values));
    }

    /** Per target, the operations run on it, sorted by target. */
    public Map<String, List<String>> documentsByTarget() {
        catchUp();
        Map<String, List<String>> out = new java.util.TreeMap<>();
        documentsByTarget.forEach((t, ops) -> out.put(t, new ArrayList<>(new TreeSet<>(ops))));
        return out;
    }

    /** Per account: {peak commands per hour, commands}, sorted by account. */
    public Map<String, long[]> accounts() {
        catchUp();
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
            // A principal listed twice: the last entry wins, as it did when profiles were kept in a map.
            Profile p = h.principals.replace(d.principal());
            for (String n : d.networks()) {
                long key = Networks.parseCidr(n);
                if (key < 0) {
                    throw new IllegalArgumentException("principal " + d.principal() + ": network '" + n
                            + "' is not an IPv4 /24 or IPv6 /48 block");
                }
                p.network(key);
            }
            p.countries().addAll(d.countries());
            if (!d.operations().isEmpty() || !d.targets().isEmpty() || d.commands() > 0 || d.peakCommandsPerHour() > 0
                    || d.peakTargetsPerHour() > 0) {
                Commands c = p.commands();
                c.operations.addAll(d.operations());
                c.targets.addAll(d.targets());
                c.peakCommands = d.peakCommandsPerHour();
                c.peakTargets = d.peakTargetsPerHour();
                c.count = d.commands();
            }
            p.events = d.events();
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

    /**
     * The profiles by principal: open addressing with linear probing, each profile holding its own key, so
     * that finding one reads a slot and the profile (a hash map reads a bucket, its node, then the value).
     * Principals are never removed. The hash is {@code String.hashCode}, which a string caches.
     */
    private static final class Profiles implements Serializable {
        Profile[] slots = new Profile[16];
        int size;

        Profile get(String principal) {
            return get(principal, principal.hashCode());
        }

        /** The profile in the first slot a principal with hash code {@code h} would take, or {@code null}. */
        Profile firstSlot(int h) {
            return slots[spread(h) & (slots.length - 1)];
        }

        /** {@code h}: the principal's hash code. */
        Profile get(String principal, int h) {
            int mask = slots.length - 1;
            for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
                Profile p = slots[i];
                if (p == null) {
                    return null;
                }
                if (p.principal == principal || (p.hash == h && p.principal.equals(principal))) {
                    return p;
                }
            }
        }

        /** A new, empty profile for the principal, in place of the one it had. */
        Profile replace(String principal) {
            int h = principal.hashCode();
            int mask = slots.length - 1;
            for (int i = spread(h) & mask; slots[i] != null; i = (i + 1) & mask) {
                if (slots[i].hash == h && slots[i].principal.equals(principal)) {
                    slots[i] = new Profile(principal);
                    return slots[i];
                }
            }
            return add(principal);
        }

        /** A new, empty profile for a principal not in the table. */
        Profile add(String principal) {
            if (2 * (size + 1) > slots.length) {
                Profile[] old = slots;
                slots = new Profile[old.length * 2];
                for (Profile p : old) {
                    if (p != null) {
                        put(p);
                    }
                }
            }
            Profile p = new Profile(principal);
            put(p);
            size++;
            return p;
        }

        private void put(Profile p) {
            int mask = slots.length - 1;
            int i = spread(p.hash) & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = p;
        }

        private static int spread(int h) {
            // Fibonacci hashing: string hashes of similar names differ in their low bits only.
            int x = h * 0x9E3779B9;
            return x ^ (x >>> 16);
        }
    }

    /**
     * One principal's history. Most principals come from one network and never run a command, so the first
     * network is a field and the rest of the state is made on first use.
     */
    private static final class Profile implements Serializable {
        final String principal;
        final int hash;
        long events;
        /** The first network, -1 before any; the others in {@link #moreNetworks}. */
        long network0 = -1;
        /** The address of the last event learned from: the same object again needs no parsing. */
        transient String lastIp;
        LongHashSet moreNetworks;
        Set<String> countries;
        Commands commands;

        Profile(String principal) {
            this.principal = principal;
            this.hash = principal.hashCode();
        }

        void network(long key) {
            if (network0 < 0) {
                network0 = key;
            } else if (key != network0) {
                if (moreNetworks == null) {
                    moreNetworks = new LongHashSet(2);
                }
                moreNetworks.add(key);
            }
        }

        boolean knowsNetwork(long key) {
            return key == network0 || (moreNetworks != null && moreNetworks.contains(key));
        }

        Set<String> countries() {
            if (countries == null) {
                countries = new HashSet<>(2);
            }
            return countries;
        }

        Commands commands() {
            if (commands == null) {
                commands = new Commands();
            }
            return commands;
        }
    }

    /** What a principal ran on machines. */
    private static final class Commands implements Serializable {
        final Set<String> operations = new HashSet<>(4);
        final Set<String> targets = new HashSet<>(4);
        /** Per hour while learning: commands and machines reached; dropped when frozen. */
        LongIntHashMap hourly;
        LongObjectHashMap<Set<String>> hourlyTargets;
        int peakCommands;
        int peakTargets;
        long count;
    }

    private static final class Rate implements Serializable {
        LongIntHashMap hourly = new LongIntHashMap();
        int peak;
        long commands;
    }
}
