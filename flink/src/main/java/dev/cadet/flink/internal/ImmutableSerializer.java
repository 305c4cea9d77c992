package dev.cadet.flink.internal;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;

import java.io.IOException;

/**
 * A serializer of immutable values of variable length: a copy is the value itself, nothing is reused.
 *
 * @param <T> the serialized type
 */
abstract class ImmutableSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public final T createInstance() {
        return null;
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final T copy(T from, T reuse) {
        return from;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    /** Stateless serializers are one instance: any copy is the same serializer. */
    abstract static class Stateless<T> extends ImmutableSerializer<T> {

        private static final long serialVersionUID = 1L;

        @Override
        public final TypeSerializer<T> duplicate() {
            return this;
        }

        @Override
        public final boolean equals(Object o) {
            return o != null && o.getClass() == getClass();
        }

        @Override
        public final int hashCode() {
            return getClass().hashCode();
        }
    }
}
