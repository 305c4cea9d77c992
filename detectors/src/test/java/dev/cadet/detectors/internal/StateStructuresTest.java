package dev.cadet.detectors.internal;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateStructuresTest {

    @Test
    void internerReusesIdsOnceEveryReferenceIsReleased() {
        Interner in = new Interner();
        int a = in.acquire("alice");
        assertThat(in.acquire("alice")).isEqualTo(a);
        int b = in.acquire("bob");
        in.release(a);
        assertThat(in.idOf("alice")).isEqualTo(a);
        in.release(a);
        assertThat(in.idOf("alice")).isEqualTo(-1);
        assertThat(in.size()).isEqualTo(1);
        assertThat(in.acquire("carol")).isEqualTo(a);
        assertThat(in.name(b)).isEqualTo("bob");
        in.release(b);
        assertThatThrownBy(() -> in.release(b)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiryQueuePollsStrictlyBelowTheBoundAndGrows() {
        ExpiryQueue q = new ExpiryQueue();
        for (int i = 0; i < 100; i++) {
            q.add(i * 10L, i);
        }
        IntArrayList polled = new IntArrayList();
        assertThat(q.pollBefore(30, polled::add)).isEqualTo(3);
        assertThat(polled.toArray()).containsExactly(0, 1, 2);
        for (int i = 100; i < 200; i++) {
            q.add(i * 10L, i);
        }
        assertThat(q.pollBefore(2000, polled::add)).isEqualTo(197);
        assertThat(q.size()).isZero();
        q.add(5000, 1);
        assertThatThrownBy(() -> q.add(4999, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hourBucketsAreHalfOpenAndEmittedInOrder() {
        HourBuckets<String> b = new HourBuckets<>(Times.HOUR);
        assertThat(b.startOf(Times.HOUR - 1)).isZero();
        assertThat(b.startOf(Times.HOUR)).isEqualTo(Times.HOUR);
        assertThat(b.startOf(-1)).isEqualTo(-Times.HOUR);
        b.put(2 * Times.HOUR, 1, "c");
        b.put(0, 7, "b");
        b.put(0, 3, "a");
        List<String> out = new ArrayList<>();
        assertThat(b.emitComplete(Times.HOUR - 1, (s, k, v) -> out.add(v))).isZero();
        assertThat(b.emitComplete(Times.HOUR, (s, k, v) -> out.add(v))).isEqualTo(2);
        assertThat(out).containsExactly("a", "b");
        assertThat(b.emitComplete(Long.MIN_VALUE, (s, k, v) -> out.add(v))).isZero();
        assertThat(b.emitAll((s, k, v) -> out.add(v))).isEqualTo(1);
        assertThat(out).containsExactly("a", "b", "c");
        assertThat(b.open()).isZero();
    }

    @Test
    void timeArithmeticSaturates() {
        assertThat(Times.minus(Long.MIN_VALUE + 5, 10)).isEqualTo(Long.MIN_VALUE);
        assertThat(Times.minus(100, 10)).isEqualTo(90);
        assertThat(Times.human(java.time.Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Times.human(java.time.Duration.ofHours(24))).isEqualTo("24h");
    }
}
