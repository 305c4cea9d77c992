package dev.cadet.flink.internal;

import dev.cadet.model.CloudEvent;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.io.Serializable;
import java.util.Objects;

/**
 * Flink type information for a cadet record: events and keyed events with their field-by-field
 * serializers, anything else (findings, signals, origins) through {@link JavaSerializer}.
 *
 * @param <T> the record type
 */
public final class RecordTypeInfo<T extends Serializable> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final TypeSerializer<T> serializer;

    private RecordTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
        this.type = Objects.requireNonNull(type, "type");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @SuppressWarnings("unchecked")
    public static <T extends Serializable> RecordTypeInfo<T> forClass(Class<T> type) {
        if (type == CloudEvent.class) {
            return new RecordTypeInfo<>(type, (TypeSerializer<T>) CloudEventSerializer.INSTANCE);
        }
        if (type == KeyedEvent.class) {
            return new RecordTypeInfo<>(type, (TypeSerializer<T>) KeyedEventSerializer.INSTANCE);
        }
        return new RecordTypeInfo<>(type, new JavaSerializer<>(type));
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return "RecordTypeInfo<" + type.getName() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordTypeInfo<?> other && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof RecordTypeInfo<?>;
    }
}
