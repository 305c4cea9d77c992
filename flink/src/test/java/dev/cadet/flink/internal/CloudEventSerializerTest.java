package dev.cadet.flink.internal;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Command;
import dev.cadet.model.EventKind;
import dev.cadet.model.Mfa;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.Source;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventSerializerTest {

    static final CloudEvent FULL = new CloudEvent(Provider.AZURE, "e-1", 1_714_521_600_123L,
            EventKind.COMMAND_EXECUTION, "Microsoft.Compute/virtualMachines/runCommand/action", Outcome.FAILURE,
            "AuthorizationFailed", "denied \u202e x",
            new Actor("user@contoso.com", PrincipalType.USER, "User", "tenant", "AKIA1", Mfa.NOT_USED, "issuer",
                    "svc"),
            new Source("2001:db8::1", null, "ua/1.0", "DE", "Berlin"), List.of("vm-1", "vm-2"), "subject",
            new Command("RunPowerShellScript", List.of("line 1", "x".repeat(70_000)), "c-1", "s3://out"),
            new CloudScope("/subscriptions/1", "westeurope"), "corr-1", new Origin("/logs/a.json", 7, 3, 5));

    static final CloudEvent SPARSE = new CloudEvent(Provider.AWS, "e-2", 0L, EventKind.OTHER, "ec2:DescribeInstances",
            Outcome.SUCCESS, null, null, Actor.of("arn:aws:iam::1:user/a", PrincipalType.USER),
            null, null, null, null, null, null, new Origin("-", 1, 0, 0));

    @Test
    void everyFieldComesBack() throws IOException {
        assertThat(roundTrip(CloudEventSerializer.INSTANCE, FULL)).isEqualTo(FULL);
        assertThat(roundTrip(CloudEventSerializer.INSTANCE, SPARSE)).isEqualTo(SPARSE);
        KeyedEvent keyed = new KeyedEvent("principal:user@contoso.com", FULL);
        assertThat(roundTrip(KeyedEventSerializer.INSTANCE, keyed)).isEqualTo(keyed);
    }

    /** A new model component must be added to the serializer, or it would be lost between tasks. */
    @Test
    void theSerializerKnowsEveryComponentOfTheModel() {
        assertThat(CloudEvent.class.getRecordComponents()).hasSize(16);
        assertThat(Actor.class.getRecordComponents()).hasSize(8);
        assertThat(Source.class.getRecordComponents()).hasSize(5);
        assertThat(Command.class.getRecordComponents()).hasSize(4);
        assertThat(CloudScope.class.getRecordComponents()).hasSize(2);
        assertThat(Origin.class.getRecordComponents()).hasSize(4);
        assertThat(KeyedEvent.class.getRecordComponents()).hasSize(2);
    }

    @Test
    void muchSmallerThanJavaSerialization() throws IOException {
        DataOutputSerializer coded = new DataOutputSerializer(512);
        CloudEventSerializer.INSTANCE.serialize(SPARSE, coded);
        DataOutputSerializer java = new DataOutputSerializer(512);
        new JavaSerializer<>(CloudEvent.class).serialize(SPARSE, java);
        assertThat(coded.length()).isLessThan(java.length() / 4);
    }

    @Test
    void copyAndSnapshot() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(512);
        CloudEventSerializer.INSTANCE.serialize(FULL, out);
        DataOutputSerializer copied = new DataOutputSerializer(512);
        CloudEventSerializer.INSTANCE.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());

        DataOutputSerializer snap = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(snap, CloudEventSerializer.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot<CloudEvent> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(snap.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isSameAs(CloudEventSerializer.INSTANCE);
    }

    private static <T> T roundTrip(TypeSerializer<T> s, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        s.serialize(value, out);
        return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
