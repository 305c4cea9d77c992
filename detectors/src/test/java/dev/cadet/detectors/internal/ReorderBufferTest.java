package dev.cadet.detectors.internal;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReorderBufferTest {

    @Test
    void releasesInTheSameOrderAsOnePriorityQueueForMostlySortedInput() {
        Random random = new Random(1651);
        ReorderBuffer buffer = new ReorderBuffer();
        PriorityQueue<CloudEvent> reference = new PriorityQueue<>(Events.ORDER);
        List<CloudEvent> fromBuffer = new ArrayList<>();
        List<CloudEvent> fromReference = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 5_000; i++) {
            t += random.nextInt(3);
            // Mostly in order, some late by up to a minute, some at the same millisecond.
            long time = random.nextInt(10) == 0 ? t - random.nextInt(60_000) : t;
            CloudEvent e = event(time, "e" + random.nextInt(1_000_000));
            buffer.add(e);
            reference.add(e);
            if (random.nextInt(4) == 0) {
                assertThat(buffer.peek()).isSameAs(reference.peek());
                fromBuffer.add(buffer.poll());
                fromReference.add(reference.poll());
            }
        }
        assertThat(buffer.size()).isEqualTo(reference.size());
        while (!buffer.isEmpty()) {
            fromBuffer.add(buffer.poll());
            fromReference.add(reference.poll());
        }
        assertThat(fromBuffer).containsExactlyElementsOf(fromReference);
        assertThat(buffer.poll()).isNull();
        assertThat(buffer.peek()).isNull();
    }

    private static CloudEvent event(long time, String id) {
        return new CloudEvent(Provider.AWS, id, time, EventKind.OTHER, "ec2:DescribeInstances", Outcome.SUCCESS,
                null, null, Actor.of("arn:aws:iam::1:user/a", PrincipalType.USER), null, null, null, null, null,
                null, new Origin("f", 1, 0, 0));
    }
}
