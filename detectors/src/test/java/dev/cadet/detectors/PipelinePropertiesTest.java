package dev.cadet.detectors;

import dev.cadet.detectors.testkit.E;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Origin;
import dev.cadet.model.PrincipalType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's promises over generated activity: the result does not depend on the order events arrive
 * in as long as none is later than the allowed lateness, and records delivered twice (the same file
 * scanned twice, overlapping exports) give the same findings and incidents, counted as duplicates.
 * Activity is drawn from few principals, sources and minutes, so that detectors actually fire and ties
 * in time are common.
 */
class PipelinePropertiesTest {

    private static final Duration LATENESS = Duration.ofMinutes(30);
    private static final DetectionConfig CONFIG = DetectionConfig.builder().allowedLateness(LATENESS)
            .approvedPrincipals(List.of(E.role("Patching", "*"))).approvedSources(List.of("10.0.0.0/8")).build();

    /** One generated event: who, what, when (minutes into a six-hour window, plus seconds), from where. */
    record Spec(int principal, int kind, int minute, int second, int source) {
    }

    @Property(tries = 150)
    void anyArrivalOrderWithinTheLatenessGivesTheSameResult(@ForAll("activity") List<Spec> specs,
                                                           @ForAll @Size(value = 400) List<@DoubleRange(max = 0.99) Double> delays) {
        List<CloudEvent> events = build(specs);
        DetectionResult expected = run(sorted(events));

        List<CloudEvent> arrival = new ArrayList<>();
        List<long[]> keyed = new ArrayList<>();
        long lateness = LATENESS.toMillis();
        for (int i = 0; i < events.size(); i++) {
            // Arrival = time + a delay below the lateness: no event can be late, whatever the order.
            keyed.add(new long[] {events.get(i).time() + (long) (delays.get(i) * lateness), i});
        }
        keyed.sort(Comparator.comparingLong(k -> k[0]));
        keyed.forEach(k -> arrival.add(events.get((int) k[1])));
        DetectionResult actual = run(arrival);

        Statistics.label("findings").collect(expected.findings().isEmpty() ? "none" : "some");
        assertThat(actual.counters().late()).isZero();
        assertThat(actual.findings()).isEqualTo(expected.findings());
        assertThat(actual.incidents()).isEqualTo(expected.incidents());
        assertThat(actual.coverage()).isEqualTo(expected.coverage());
        assertThat(actual.counters()).isEqualTo(expected.counters());
    }

    @Property(tries = 100)
    void recordsDeliveredTwiceGiveTheSameIncidents(@ForAll("activity") List<Spec> specs) {
        List<CloudEvent> events = build(specs);
        DetectionResult once = run(sorted(events));

        List<CloudEvent> twice = new ArrayList<>();
        for (CloudEvent e : events) {
            twice.add(e);
            // The copy comes from another file: same provider and event id, another origin.
            twice.add(new CloudEvent(e.provider(), e.eventId(), e.time(), e.kind(), e.action(), e.outcome(),
                    e.errorCode(), e.errorMessage(), e.actor(), e.source(), e.targets(), e.subject(), e.command(),
                    e.cloud(), e.correlationId(), new Origin("copy.json", e.origin().record(), 0, 0)));
        }
        DetectionResult result = run(sortedKeepingFirstCopyFirst(twice));

        assertThat(result.findings()).isEqualTo(once.findings());
        assertThat(result.incidents()).isEqualTo(once.incidents());
        assertThat(result.counters().duplicates()).isEqualTo(events.size());
        assertThat(result.counters().analysed()).isEqualTo(once.counters().analysed());
    }

    @Provide
    Arbitrary<List<Spec>> activity() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, 360),
                Arbitraries.of(0, 0, 0, 1, 30, 59),
                Arbitraries.integers().between(0, 3)).as(Spec::new);
        return spec.list().ofMinSize(1).ofMaxSize(400);
    }

    private static final String[] PRINCIPALS = {E.user("alice"), E.user("bob"), E.role("Patching", "i-0abc"),
            E.role("Admin", "mallory"), "unknown"};
    private static final String[] SOURCES = {"198.51.100.7", "203.0.113.66", "10.1.2.3", "2001:db8::1"};

    /** Deterministic events from specs: the id is the position, so copies and orders are comparable. */
    static List<CloudEvent> build(List<Spec> specs) {
        List<CloudEvent> events = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String p = PRINCIPALS[s.principal()];
            String other = PRINCIPALS[(s.principal() + 1) % PRINCIPALS.length];
            E.Builder b = switch (s.kind()) {
                case 0, 1 -> E.command(p).targets("i-" + (s.minute() % 7), "i-" + (s.second() % 3));
                case 2 -> E.session(p).targets("i-" + (s.minute() % 5));
                case 3 -> E.denied(p).targets("i-1");
                case 4 -> E.login(p);
                case 5 -> E.loginFailed(p);
                case 6 -> E.createKey(p, other, "AKIA" + (s.minute() % 3));
                case 7 -> E.attachPolicy(p, other, "arn:aws:iam::aws:policy/AdministratorAccess");
                default -> E.other(p);
            };
            long time = E.DAY + s.minute() * E.MINUTE + s.second() * 1000L;
            b.id(String.format("g-%04d", i)).at(time).ip(SOURCES[s.source()])
                    .type(p.contains("assumed-role") ? PrincipalType.ROLE : PrincipalType.USER);
            if (s.source() == 2 && s.kind() == 8) {
                b.host("ssm.amazonaws.com");
            }
            events.add(b.build());
        }
        return events;
    }

    private static List<CloudEvent> sorted(List<CloudEvent> events) {
        List<CloudEvent> s = new ArrayList<>(events);
        s.sort(Comparator.comparingLong(CloudEvent::time).thenComparing(CloudEvent::eventId));
        return s;
    }

    /** Time order, and of two copies the original first, so the analysed copy carries the original origin. */
    private static List<CloudEvent> sortedKeepingFirstCopyFirst(List<CloudEvent> events) {
        List<CloudEvent> s = new ArrayList<>(events);
        s.sort(Comparator.comparingLong(CloudEvent::time).thenComparing(CloudEvent::eventId)
                .thenComparing(e -> e.origin().file().equals("copy.json")));
        return s;
    }

    static DetectionResult run(List<CloudEvent> events) {
        Pipeline p = Pipeline.create(CONFIG);
        events.forEach(p::push);
        return p.finish();
    }
}
