package dev.cadet.detectors;

import dev.cadet.detectors.testkit.E;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Coverage;
import dev.cadet.model.CoverageGap;
import dev.cadet.model.Decision;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Provider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static dev.cadet.detectors.testkit.E.HOUR;
import static dev.cadet.detectors.testkit.E.MINUTE;
import static dev.cadet.detectors.testkit.E.t;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineTest {

    /** Records what reaches a detector, to check ordering and watermarks. */
    static class Recorder implements Detector {
        final List<String> seen = new ArrayList<>();
        final List<Long> watermarks = new ArrayList<>();
        boolean ended;

        @Override
        public String id() {
            return "recorder";
        }

        @Override
        public void onEvent(CloudEvent event, Consumer<Finding> out) {
            if (!watermarks.isEmpty()) {
                assertThat(event.time()).isGreaterThanOrEqualTo(watermarks.get(watermarks.size() - 1));
            }
            seen.add(event.eventId());
        }

        @Override
        public void onWatermark(long watermarkMillis, Consumer<Finding> out) {
            watermarks.add(watermarkMillis);
        }

        @Override
        public void onEnd(Consumer<Finding> out) {
            ended = true;
        }

        @Override
        public Map<String, Long> counters() {
            return Map.of("events", (long) seen.size());
        }
    }

    @Test
    void releasesEventsInTimeOrderOnceTheWatermarkPassesThem() {
        Recorder r = new Recorder();
        Pipeline p = Pipeline.create(DetectionConfig.defaults(), List.of(r));
        p.push(E.other(user("a")).at("10:30").id("b").build());
        p.push(E.other(user("a")).at("10:00").id("a").build());
        p.push(E.other(user("a")).at("11:00").id("c").build());
        assertThat(r.seen).isEmpty();
        // Watermark 11:30 - 1h = 10:30: 10:00 is released, 10:30 waits for a later event.
        p.push(E.other(user("a")).at("11:30").id("d").build());
        assertThat(r.seen).containsExactly("a");
        assertThat(r.watermarks).containsExactly(t("09:30"), t("10:00"), t("10:30"));
        p.push(E.other(user("a")).at("11:30").id("e").build());
        DetectionResult result = p.finish();
        assertThat(r.seen).containsExactly("a", "b", "c", "d", "e");
        assertThat(r.ended).isTrue();
        assertThat(result.counters().eventsIn()).isEqualTo(5);
        assertThat(result.counters().analysed()).isEqualTo(5);
        assertThat(result.counters().detectorCounts()).containsEntry("recorder", Map.of("events", 5L));
    }

    @Test
    void aDetectorGetsOnlyTheKindsItHandlesAndOneThatSaysNothingGetsAll() {
        Recorder all = new Recorder();
        Recorder commands = new Recorder() {
            @Override
            public String id() {
                return "commands";
            }

            @Override
            public boolean handles(EventKind kind) {
                return kind == EventKind.COMMAND_EXECUTION;
            }
        };
        Pipeline p = Pipeline.create(DetectionConfig.defaults(), List.of(all, commands));
        p.push(E.other(user("a")).at("10:00").id("read").build());
        p.push(E.command(user("a")).at("10:01").id("command").build());
        p.push(E.login(user("a")).at("10:02").id("sign-in").build());
        p.finish();
        assertThat(all.seen).containsExactly("read", "command", "sign-in");
        assertThat(commands.seen).containsExactly("command");
        assertThat(commands.watermarks).isEqualTo(all.watermarks);
        assertThat(commands.ended).isTrue();
    }

    @Test
    void tiesWithinAMillisecondGoByProviderThenEventId() {
        Recorder r = new Recorder();
        Pipeline p = Pipeline.create(DetectionConfig.defaults(), List.of(r));
        p.push(E.other(user("a")).at("10:00").id("z").build());
        p.push(E.other("x").provider(Provider.AZURE).at("10:00").id("a").build());
        p.push(E.other(user("a")).at("10:00").id("m").build());
        p.finish();
        assertThat(r.seen).containsExactly("m", "z", "a");
    }

    @Test
    void eventsOlderThanTheWatermarkAreCountedLate() {
        Recorder r = new Recorder();
        Pipeline p = Pipeline.create(DetectionConfig.defaults(), List.of(r));
        p.push(E.other(user("a")).at("12:00").id("now").build());
        p.push(E.other(user("a")).at("11:00").id("exactly-lateness").build());
        p.push(E.other(user("a")).at(t("11:00") - 1).id("too-late").build());
        DetectionResult result = p.finish();
        assertThat(r.seen).containsExactly("exactly-lateness", "now");
        assertThat(result.counters().late()).isEqualTo(1);
        assertThat(result.counters().analysed()).isEqualTo(2);
    }

    @Test
    void duplicatesAreDroppedAndCounted() {
        Recorder r = new Recorder();
        Pipeline p = Pipeline.create(DetectionConfig.defaults(), List.of(r));
        CloudEvent e = E.other(user("a")).at("10:00").id("same").build();
        p.push(e);
        p.push(e);
        p.push(E.other("x").provider(Provider.GCP).at("10:00").id("same").build());
        DetectionResult result = p.finish();
        assertThat(r.seen).containsExactly("same", "same");
        assertThat(result.counters().duplicates()).isEqualTo(1);
        assertThat(result.counters().analysed()).isEqualTo(2);
    }

    @Test
    void aCopyOfAReleasedEventIsADuplicateForOneMoreLatenessSpanThenLate() {
        Pipeline p = Pipeline.create(DetectionConfig.defaults(), List.of(new Recorder()));
        CloudEvent old = E.other(user("a")).at("10:00").id("old").build();
        p.push(old);
        p.push(E.other(user("a")).at("11:30").build());
        // Watermark 10:30: "old" was released, its id is kept until the watermark passes 11:00.
        p.push(old);
        p.push(E.other(user("a")).at("12:00").build());
        p.push(old);
        p.push(E.other(user("a")).at(t("12:00") + 1).build());
        // Watermark 11:00 + 1 ms: 10:00 is below 11:00 + 1 ms - 1 h, so the id is forgotten.
        p.push(old);
        DetectionResult result = p.finish();
        assertThat(result.counters().duplicates()).isEqualTo(2);
        assertThat(result.counters().late()).isEqualTo(1);
    }

    @Test
    void memoryIsBoundedByTheLatenessHorizonNotTheInput() {
        Pipeline p = Pipeline.create(DetectionConfig.defaults(), List.of(new Recorder()));
        int maxIds = 0;
        int maxBuffered = 0;
        // 100 hours, one event a minute: about 60 events per lateness span.
        for (int i = 0; i < 6000; i++) {
            p.push(E.other(user("a")).at(t("00:00") + i * MINUTE).build());
            maxIds = Math.max(maxIds, p.idsRemembered());
            maxBuffered = Math.max(maxBuffered, p.buffered());
        }
        assertThat(maxBuffered).isLessThanOrEqualTo(61);
        // Ids stay for two lateness spans: the buffered events and the released ones above watermark - lateness.
        assertThat(maxIds).isLessThanOrEqualTo(122);
        assertThat(p.finish().counters().analysed()).isEqualTo(6000);
    }

    @Test
    void countsCoveragePerProviderAccountAndRegion() {
        Pipeline p = Pipeline.create(DetectionConfig.defaults(), List.of());
        p.push(E.other(user("a")).at("10:00").build());
        p.push(E.other(user("a")).at("12:00").build());
        p.push(E.other(user("a")).at("11:00").region("eu-west-1").build());
        p.push(E.other("x").provider(Provider.AZURE).account(null).region(null).at("11:30").build());
        DetectionResult result = p.finish();
        assertThat(result.coverage()).containsExactly(
                new Coverage(Provider.AWS, E.ACCOUNT, "eu-west-1", t("11:00"), t("11:00"), 1),
                new Coverage(Provider.AWS, E.ACCOUNT, "us-east-1", t("10:00"), t("12:00"), 2,
                        List.of(new CoverageGap(t("11:00"), t("12:00")))),
                new Coverage(Provider.AZURE, null, null, t("11:30"), t("11:30"), 1));
    }

    @Test
    void coverageGapsAreWholeHoursWithoutEventsBetweenTheFirstAndTheLast() {
        Pipeline p = Pipeline.create(DetectionConfig.builder().allowedLateness(Duration.ofHours(6)).build(), List.of());
        // Pushed out of order (within the lateness): gaps come from event time, not arrival.
        p.push(E.other(user("a")).at("14:59").build());
        p.push(E.other(user("a")).at("10:59").build());
        p.push(E.other(user("a")).at("10:00").build());
        p.push(E.other(user("a")).at("11:01").build());
        p.push(E.other(user("a")).at("15:00").build());
        Coverage c = p.finish().coverage().get(0);
        // Events in hours 10, 11, 14 and 15: hours 12 and 13 are empty.
        assertThat(c.gaps()).containsExactly(new CoverageGap(t("12:00"), t("14:00")));
        assertThat(c.gaps().get(0).hours()).isEqualTo(2);
    }

    @Test
    void numbersFindingsByFirstSeenThenDetector() {
        Pipeline p = Pipeline.create(DetectionConfig.defaults());
        for (CloudEvent e : scenario()) {
            p.push(e);
        }
        DetectionResult result = p.finish();
        assertThat(result.findings()).isSortedAccordingTo(Comparator.comparingLong(Finding::firstSeen));
        for (int i = 0; i < result.findings().size(); i++) {
            assertThat(result.findings().get(i).id()).isEqualTo(String.format("F-%04d", i + 1));
        }
        assertThat(result.incidents()).extracting(i -> i.id()).startsWith("INC-001", "INC-002");
        assertThat(result.incidents().get(0).decision()).isEqualTo(Decision.ESCALATE_TIER2);
    }

    @Test
    void theResultDoesNotDependOnPushOrderWithinTheLateness() {
        List<CloudEvent> events = scenario();
        DetectionConfig config = DetectionConfig.builder().allowedLateness(Duration.ofMinutes(30))
                .approvedPrincipals(List.of(E.role("Patching", "*"))).approvedSources(List.of("10.0.0.0/8")).build();
        DetectionResult expected = run(config, events);
        assertThat(expected.findings()).extracting(Finding::detector)
                .contains("command-execution", "failed-then-success", "iam-then-command");
        assertThat(expected.incidents()).extracting(i -> i.decision())
                .contains(Decision.ESCALATE_TIER2, Decision.TIER1_REVIEW, Decision.BENIGN);

        Random random = new Random(1651);
        long jitter = Duration.ofMinutes(30).toMillis();
        for (int round = 0; round < 20; round++) {
            // Order by time plus a random delay below the lateness: no event arrives too late.
            List<long[]> keyed = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                keyed.add(new long[] {events.get(i).time() + (long) (random.nextDouble() * jitter), i});
            }
            keyed.sort(Comparator.comparingLong((long[] k) -> k[0]));
            List<CloudEvent> shuffled = new ArrayList<>();
            for (long[] k : keyed) {
                shuffled.add(events.get((int) k[1]));
            }
            // Every tenth event arrives twice.
            for (int i = 0; i < shuffled.size(); i += 10) {
                shuffled.add(Math.min(shuffled.size(), i + 3), shuffled.get(i));
            }
            DetectionResult actual = run(config, shuffled);
            assertThat(actual.findings()).isEqualTo(expected.findings());
            assertThat(actual.incidents()).isEqualTo(expected.incidents());
            assertThat(actual.coverage()).isEqualTo(expected.coverage());
            assertThat(actual.counters().late()).isZero();
            assertThat(actual.counters().analysed()).isEqualTo(expected.counters().analysed());
            assertThat(actual.counters().detectorCounts()).isEqualTo(expected.counters().detectorCounts());
        }
    }

    @Test
    void runningTwiceGivesEqualResults() {
        assertThat(run(DetectionConfig.defaults(), scenario())).isEqualTo(run(DetectionConfig.defaults(), scenario()));
    }

    @Test
    void aPipelineIsUsedOnce() {
        Pipeline p = Pipeline.create(DetectionConfig.defaults());
        p.finish();
        assertThatThrownBy(p::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.push(E.other(user("a")).build())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("create a new one per scan");
    }

    @Test
    void detectorIdsMustBeUnique() {
        assertThatThrownBy(() -> Pipeline.create(DetectionConfig.defaults(), List.of(new Recorder(), new Recorder())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two detectors share the id 'recorder'");
    }

    static DetectionResult run(DetectionConfig config, List<CloudEvent> events) {
        Pipeline p = Pipeline.create(config);
        events.forEach(p::push);
        return p.finish();
    }

    /**
     * Ten hours of activity: approved patching automation every few minutes, a developer running
     * commands from the office, a brute-forced user who then runs commands, and a new key followed by
     * commands. Event ids are fixed, so equal inputs give equal events.
     */
    static List<CloudEvent> scenario() {
        List<CloudEvent> events = new ArrayList<>();
        String patching = E.role("Patching", "run-42");
        for (int i = 0; i < 120; i++) {
            events.add(E.command(patching).type(dev.cadet.model.PrincipalType.ROLE).ip("10.1.2.3")
                    .at(t("08:00") + i * 5 * MINUTE).targets("i-00000000000000" + String.format("%03d", i % 7))
                    .id(String.format("patch-%03d", i)).build());
        }
        for (int i = 0; i < 12; i++) {
            events.add(E.command(user("dev")).ip("198.51.100.20").at(t("09:00") + i * 17 * MINUTE)
                    .targets("i-0dev0000000000001").id(String.format("dev-%02d", i)).build());
        }
        String attacker = "203.0.113.66";
        for (int i = 0; i < 4; i++) {
            events.add(E.loginFailed(user("bob")).ip(attacker).at(t("12:00") + i * MINUTE)
                    .id("bob-fail-" + i).build());
        }
        events.add(E.login(user("bob")).ip(attacker).at("12:05").id("bob-login").build());
        events.add(E.command(user("bob")).ip(attacker).key("AKIABOBEXAMPLE000001").at("12:10")
                .targets("i-0bbbbbbbbbbbbbbb1").commandId("cmd-bob-1").id("bob-cmd").build());
        events.add(E.createKey(user("bob"), user("bob"), "AKIANEWEXAMPLE000002").ip(attacker).at("12:20")
                .id("bob-newkey").build());
        events.add(E.command(user("bob")).ip(attacker).key("AKIANEWEXAMPLE000002").at("13:40")
                .targets("i-0bbbbbbbbbbbbbbb2").id("bob-cmd-2").build());
        for (int i = 0; i < 200; i++) {
            events.add(E.other(user("reader")).ip("198.51.100.30").at(t("08:00") + i * 3 * MINUTE)
                    .id(String.format("noise-%03d", i)).build());
        }
        events.add(E.other(user("reader")).at(t("08:00") + 10 * HOUR).id("last").build());
        events.sort(Comparator.comparingLong(CloudEvent::time));
        return events;
    }
}
