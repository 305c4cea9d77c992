package dev.cadet.cli;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A file's events sorted on packed times, then by the comparator within a millisecond: the comparator's order. */
class CanonicalSortTest {

    private static final Actor ACTOR = Actor.of("arn:aws:iam::111122223333:user/alice", PrincipalType.USER);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 17, 1_000, 5_000})
    void ordersLikeTheComparatorWithWholeSecondTiesCopiesAndProviders(int n) {
        Random random = new Random(n);
        CloudEvent[] events = new CloudEvent[n];
        for (int i = 0; i < n; i++) {
            // Whole seconds over five minutes, as in a CloudTrail delivery file: many events share a time.
            long time = 1_772_409_600_000L + random.nextInt(300) * 1000L;
            String id = "id-" + random.nextInt(Math.max(1, n / 2)); // copies of one record among them
            Provider provider = random.nextInt(10) == 0 ? Provider.AZURE : Provider.AWS;
            events[i] = event(provider, id, time, "f" + random.nextInt(3) + ".json", i);
        }
        assertSortedLikeComparator(events);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1L, 1L << 40, Long.MAX_VALUE})
    void timesTooFarApartToPackFallBackToTheComparator(long far) {
        Random random = new Random(far);
        CloudEvent[] events = new CloudEvent[200];
        for (int i = 0; i < events.length; i++) {
            long time = i % 7 == 0 ? far : 1_772_409_600_000L + random.nextInt(60) * 1000L;
            events[i] = event(Provider.AWS, "id-" + random.nextInt(50), time, "a.json", i);
        }
        assertSortedLikeComparator(events);
    }

    private static void assertSortedLikeComparator(CloudEvent[] events) {
        CloudEvent[] expected = events.clone();
        Arrays.sort(expected, ScanJob.CANONICAL_ORDER);
        ScanJob.sortCanonical(events);
        assertThat(events).containsExactly(expected);
    }

    private static CloudEvent event(Provider provider, String id, long time, String file, long record) {
        return new CloudEvent(provider, id, time, EventKind.OTHER, "DescribeInstances", Outcome.SUCCESS, null, null,
                ACTOR, null, null, null, null, null, null, new Origin(file, record, record + 1, 1));
    }
}
