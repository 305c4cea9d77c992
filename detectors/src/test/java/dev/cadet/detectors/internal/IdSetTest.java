package dev.cadet.detectors.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The id set answers as a {@code HashSet} does through any run of adds and removes, and survives a snapshot. */
class IdSetTest {

    @Property(tries = 300)
    void behavesLikeAHashSet(@ForAll("operations") List<Tuple.Tuple2<Boolean, String>> operations)
            throws IOException, ClassNotFoundException {
        IdSet ids = new IdSet();
        Set<String> expected = new HashSet<>();
        for (Tuple.Tuple2<Boolean, String> op : operations) {
            if (op.get1()) {
                assertThat(ids.add(op.get2())).isEqualTo(expected.add(op.get2()));
            } else {
                ids.remove(op.get2(), op.get2().hashCode());
                expected.remove(op.get2());
            }
            assertThat(ids.size()).isEqualTo(expected.size());
        }
        IdSet restored = roundTrip(ids);
        for (Tuple.Tuple2<Boolean, String> op : operations) {
            assertThat(ids.contains(op.get2())).isEqualTo(expected.contains(op.get2()));
            assertThat(restored.contains(op.get2())).isEqualTo(expected.contains(op.get2()));
        }
        assertThat(restored.size()).isEqualTo(expected.size());
    }

    /** Few distinct ids, many of them colliding in a small table, so that runs and wrap-around are common. */
    @Provide
    Arbitrary<List<Tuple.Tuple2<Boolean, String>>> operations() {
        Arbitrary<String> id = Arbitraries.integers().between(0, 60).map(i -> "ev-" + i);
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(true)), Tuple.of(2, Arbitraries.just(false)))
                .flatMap(add -> id.map(s -> Tuple.of(add, s)))
                .list().ofMaxSize(400);
    }

    private static IdSet roundTrip(IdSet ids) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ids);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (IdSet) in.readObject();
        }
    }
}
