package dev.cadet.flink.internal;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

/** A partition key and its event, the event coded by {@link CloudEventSerializer}. */
public final class KeyedEventSerializer extends ImmutableSerializer.Stateless<KeyedEvent> {

    private static final long serialVersionUID = 1L;

    public static final KeyedEventSerializer INSTANCE = new KeyedEventSerializer();

    @Override
    public void serialize(KeyedEvent record, DataOutputView out) throws IOException {
        StringValue.writeString(record.key(), out);
        CloudEventSerializer.write(record.event(), out);
    }

    @Override
    public KeyedEvent deserialize(DataInputView in) throws IOException {
        return new KeyedEvent(StringValue.readString(in), CloudEventSerializer.read(in));
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<KeyedEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot names the class and a version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<KeyedEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
