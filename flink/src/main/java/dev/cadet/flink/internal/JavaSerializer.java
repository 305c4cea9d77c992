package dev.cadet.flink.internal;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Objects;

/**
 * Java serialization of cadet's immutable, {@link Serializable} records that are rare on the wire and in
 * state (findings, signals, origins): each value as a length-prefixed {@code ObjectOutputStream} frame.
 * Kryo, Flink's fallback for such types, cannot rebuild the immutable lists the records hold. Events,
 * which are many, have their own field-by-field {@link CloudEventSerializer}.
 *
 * @param <T> the serialized type
 */
public final class JavaSerializer<T extends Serializable> extends ImmutableSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    public JavaSerializer(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    Class<T> type() {
        return type;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        byte[] bytes = toBytes(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return fromBytes(bytes);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    byte[] toBytes(T record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        return bytes.toByteArray();
    }

    T fromBytes(byte[] bytes) throws IOException {
        try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes),
                type.getClassLoader())) {
            return type.cast(in.readObject());
        } catch (ClassNotFoundException e) {
            throw new InvalidClassException("cannot load a class of a serialized " + type.getName() + ": "
                    + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JavaSerializer<?> other && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(type);
    }

    /** Resolves classes through the loader of the job's code, not the one that loaded Flink. */
    private static final class ClassLoaderObjectInputStream extends ObjectInputStream {

        private final ClassLoader loader;

        ClassLoaderObjectInputStream(ByteArrayInputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }

    /**
     * What a checkpoint records about the serializer: the class name. Compatible as long as the name is the
     * same; the records' own {@code serialVersionUID}s guard their shapes.
     *
     * @param <T> the serialized type
     */
    public static final class Snapshot<T extends Serializable> implements TypeSerializerSnapshot<T> {

        private Class<T> type;

        /** For Flink, which reads the class name back with {@link #readSnapshot}. */
        public Snapshot() {
        }

        Snapshot(Class<T> type) {
            this.type = type;
        }

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(type.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader loader) throws IOException {
            String name = in.readUTF();
            try {
                type = (Class<T>) Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new InvalidClassException(name, "the class a checkpoint's serializer names is missing");
            }
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return new JavaSerializer<>(type);
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
            return old instanceof Snapshot<?> s && s.type != null && s.type.getName().equals(type.getName())
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
